package io.nfttraders.auctions.internal;

import java.time.Clock;
import java.util.UUID;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/** Auctions in GraphQL: the auction, and its events as a subscription (graphql-ws over WebSocket at /graphql). */
@Controller
class AuctionGraphQl {

  private final AuctionRegistry registry;
  private final AuctionFeed feed;
  private final Clock clock;

  AuctionGraphQl(AuctionRegistry registry, AuctionFeed feed, Clock clock) {
    this.registry = registry;
    this.feed = feed;
    this.clock = clock;
  }

  @QueryMapping
  AuctionView auction(@Argument String id) {
    LiveAuction auction = live(id);
    return AuctionView.of(auction.auction(), auction.state(), clock.instant());
  }

  @SubscriptionMapping
  Flux<AuctionEventView> auctionEvents(@Argument String auctionId, @Argument int after) {
    if (after < 0) {
      throw new AuctionProblems.InvalidBid("after is a sequence number: 0 or more");
    }
    return feed.events(live(auctionId).auction().id(), after).map(AuctionEventView::of);
  }

  private LiveAuction live(String id) {
    UUID auction = AuctionInputs.auctionId(id);
    return registry.find(auction).orElseThrow(() -> new AuctionProblems.AuctionNotFound(id));
  }
}
