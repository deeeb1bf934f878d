package io.nfttraders.auctions.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.platform.SharedSubscriptionField;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Auctions in GraphQL: the auction, its events and the caller's notifications as subscriptions (graphql-ws over WebSocket at /graphql). */
@Controller
class AuctionGraphQl {

  private final AuctionRegistry registry;
  private final AuctionFeed feed;
  private final NotificationFeed notifications;
  private final Clock clock;

  AuctionGraphQl(AuctionRegistry registry, AuctionFeed feed, NotificationFeed notifications, Clock clock) {
    this.registry = registry;
    this.feed = feed;
    this.notifications = notifications;
    this.clock = clock;
  }

  @QueryMapping
  AuctionView auction(@Argument String id) {
    LiveAuction auction = live(id);
    return AuctionView.of(auction.auction(), auction.published(), clock.instant());
  }

  @QueryMapping
  List<AuctionView> openAuctions(@Argument int first, @Argument @Nullable String collection, @Argument @Nullable String tokenId) {
    if (first < 1 || first > 100) {
      throw new AuctionProblems.InvalidInput("first must be between 1 and 100");
    }
    if ((collection == null) != (tokenId == null)) {
      throw new AuctionProblems.InvalidInput("give both collection and tokenId, or neither");
    }
    Instant now = clock.instant();
    List<LiveAuction> open = collection == null ? registry.open(first)
        : registry.openOf(AuctionInputs.address("collection", collection), AuctionInputs.tokenId(tokenId)).stream().toList();
    return open.stream().map(auction -> AuctionView.of(auction.auction(), auction.published(), now))
        .filter(view -> view.phase().equals("OPEN")).toList();
  }

  /** An auction's events read the same to everyone: identical subscriptions to them run once for all their subscribers. */
  @Bean
  static SharedSubscriptionField auctionEventsAreShared() {
    return new SharedSubscriptionField("auctionEvents");
  }

  @SubscriptionMapping
  Flux<AuctionEventView> auctionEvents(@Argument String auctionId, @Argument long after) {
    if (after < 0) {
      throw new AuctionProblems.InvalidInput("after is a sequence number: 0 or more");
    }
    return feed.events(live(auctionId).auction().id(), after).map(AuctionEventView::of);
  }

  @SubscriptionMapping
  Flux<NotificationFeed.Notification> myNotifications(@ContextValue(name = CurrentUser.GRAPHQL_CONTEXT_KEY, required = false) @Nullable UUID user,
      @Argument @Nullable Long after) {
    if (user == null) {
      throw new AuctionProblems.SignInRequired();
    }
    if (after != null && after < 0) {
      throw new AuctionProblems.InvalidInput("after is a notification id: 0 or more");
    }
    return notifications.of(user, after == null ? 0 : after);
  }

  private LiveAuction live(String id) {
    UUID auction = AuctionInputs.auctionId(id);
    return registry.find(auction).orElseThrow(() -> new AuctionProblems.AuctionNotFound(id));
  }
}
