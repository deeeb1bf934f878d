package io.nfttraders.auctions;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.GraphQlWsClient;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class AuctionSubscriptionTest {

  private static final String EVENTS = """
      subscription Events($auctionId: ID!, $after: Long) {
        auctionEvents(auctionId: $auctionId, after: $after) { seq kind bidder amountWei outbid extended phase leadingBidWei }
      }""";
  private static final Duration WAIT = Duration.ofSeconds(10);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void aSubscriberSeesEveryAcceptedBidInOrderAndAReconnectingOneExactlyWhatItMissedThenLiveEvents() {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    market.withWeth("1", alice, bob);
    String auction = create(seller);

    try (GraphQlWsClient live = GraphQlWsClient.connect(port)) {
      live.subscribe("1", EVENTS, Map.of("auctionId", auction, "after", 0));
      bid(alice, auction, "0.1");
      bid(bob, auction, "0.2");
      bid(alice, auction, "0.3");

      List<JsonNode> seen = events(live, 3);
      assertThat(seen).extracting(e -> e.get("seq").asLong()).containsExactly(1L, 2L, 3L);
      assertThat(seen).extracting(e -> e.get("amountWei").asString())
          .containsExactly(TradingFixture.wei("0.1").toString(), TradingFixture.wei("0.2").toString(), TradingFixture.wei("0.3").toString());
      assertThat(seen.get(1).get("outbid").asString()).isEqualToIgnoringCase(alice.walletAddress());
    }

    bid(bob, auction, "0.4");
    bid(alice, auction, "0.5");
    try (GraphQlWsClient resumed = GraphQlWsClient.connect(port)) {
      // it saw event 3 before it went away
      resumed.subscribe("1", EVENTS, Map.of("auctionId", auction, "after", 3));
      assertThat(events(resumed, 2)).extracting(e -> e.get("seq").asLong()).containsExactly(4L, 5L);
      bid(bob, auction, "0.6");
      JsonNode liveAgain = events(resumed, 1).getFirst();
      assertThat(liveAgain.get("seq").asLong()).isEqualTo(6);
      assertThat(liveAgain.get("bidder").asString()).isEqualToIgnoringCase(bob.walletAddress());
      assertThat(resumed.poll(Duration.ofMillis(300))).as("nothing more, and nothing twice").isNull();
    }
  }

  /** Identical subscriptions share one run on the server; that must not change what any of them receives. */
  @Test
  void aSubscriberJoiningAnIdenticalSubscriptionLaterGetsEverythingSinceItsAfterThenLiveEventsUnderItsOwnId() {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    market.withWeth("1", alice, bob);
    String auction = create(seller);
    Map<String, Object> fromTheStart = Map.of("auctionId", auction, "after", 0);

    try (GraphQlWsClient early = GraphQlWsClient.connect(port); GraphQlWsClient late = GraphQlWsClient.connect(port)) {
      early.subscribe("1", EVENTS, fromTheStart);
      bid(alice, auction, "0.1");
      bid(bob, auction, "0.2");
      assertThat(events(early, 2)).extracting(e -> e.get("seq").asLong()).containsExactly(1L, 2L);

      late.subscribe("7", EVENTS, fromTheStart);
      JsonNode first = late.next(WAIT);
      assertThat(first.get("id").asString()).as("its own operation id").isEqualTo("7");
      assertThat(first.get("payload").get("data").get("auctionEvents").get("seq").asLong()).isEqualTo(1);
      assertThat(events(late, 1).getFirst().get("seq").asLong()).isEqualTo(2);

      early.close();
      bid(alice, auction, "0.3");
      assertThat(events(late, 1).getFirst().get("seq").asLong()).as("the run goes on when the first subscriber leaves").isEqualTo(3);
      assertThat(late.poll(Duration.ofMillis(300))).as("nothing twice").isNull();
    }
  }

  @Test
  void subscribersSeeAGapFreeSequenceIdenticalToTheLogWhileBidsRace() throws Exception {
    Api.Session seller = api.newUser();
    List<Api.Session> bidders = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bidders.add(api.newUser());
    }
    market.withWeth("1", bidders);
    String auction = create(seller);

    List<GraphQlWsClient> subscribers = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      GraphQlWsClient s = GraphQlWsClient.connect(port);
      s.subscribe("1", EVENTS, Map.of("auctionId", auction, "after", 0));
      subscribers.add(s);
    }
    try (ExecutorService threads = Executors.newFixedThreadPool(bidders.size())) {
      List<Future<?>> done = new ArrayList<>();
      for (int b = 0; b < bidders.size(); b++) {
        Api.Session bidder = bidders.get(b);
        int offset = b;
        done.add(threads.submit(() -> {
          for (int i = 0; i < 30; i++) {
            // amounts interleave between bidders, so some lose their race and some win
            api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amountWei", String.valueOf(1_000_000L + i * 10L + offset)),
                bidder.accessToken());
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    List<JsonNode> log = api.get("/api/v1/auctions/" + auction + "/events?limit=1000", null).json().valueStream().toList();
    assertThat(log).isNotEmpty();
    for (GraphQlWsClient subscriber : subscribers) {
      List<JsonNode> seen = events(subscriber, log.size());
      for (int i = 0; i < log.size(); i++) {
        assertThat(seen.get(i).get("seq").asLong()).isEqualTo(i + 1);
        assertThat(seen.get(i).get("amountWei").asString()).isEqualTo(log.get(i).get("amountWei").asString());
        assertThat(seen.get(i).get("bidder").asString()).isEqualTo(log.get(i).get("bidder").asString());
      }
      assertThat(subscriber.poll(Duration.ofMillis(200))).isNull();
      subscriber.close();
    }
  }

  @Test
  void theStreamOfAFinishedAuctionEndsWithItsLastEvent() {
    Api.Session seller = api.newUser();
    Api.Response created = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
        "type", "ENGLISH", "startPriceWei", "1", "duration", "PT2S"), seller.accessToken());
    String auction = created.text("id");
    try (GraphQlWsClient live = GraphQlWsClient.connect(port)) {
      live.subscribe("1", EVENTS, Map.of("auctionId", auction, "after", 0));
      assertThat(events(live, 1).getFirst().get("kind").asString()).isEqualTo("UNSOLD");
      assertThat(live.next(WAIT).get("type").asString()).isEqualTo("complete");
    }
    try (GraphQlWsClient late = GraphQlWsClient.connect(port)) {
      late.subscribe("1", EVENTS, Map.of("auctionId", auction, "after", 0));
      assertThat(events(late, 1).getFirst().get("kind").asString()).isEqualTo("UNSOLD");
      assertThat(late.next(WAIT).get("type").asString()).as("no stream left open on a finished auction").isEqualTo("complete");
    }
  }

  @Test
  void anUnknownAuctionIsAnErrorMessageNotASilentStream() {
    try (GraphQlWsClient client = GraphQlWsClient.connect(port)) {
      client.subscribe("1", EVENTS, Map.of("auctionId", java.util.UUID.randomUUID().toString(), "after", 0));
      JsonNode message = client.next(WAIT);
      assertThat(message.get("type").asString()).isIn("error", "next");
      assertThat(message.toString()).contains("No auction");
    }
  }

  private String create(Api.Session seller) {
    BigInteger token = market.mint(seller);
    Api.Response created = api.postJson("/api/v1/auctions",
        Map.of("collection", market.collection(), "tokenId", token.toString(), "startPriceWei", "1", "minIncrementBps", 0), seller.accessToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  private void bid(Api.Session bidder, String auction, String amount) {
    Api.Response answer = api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", amount), bidder.accessToken());
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
  }

  /** The next {@code count} events of subscription 1, failing on anything but "next" messages. */
  private static List<JsonNode> events(GraphQlWsClient client, int count) {
    List<JsonNode> events = new ArrayList<>();
    while (events.size() < count) {
      JsonNode message = client.next(WAIT);
      assertThat(message.get("type").asString()).as(message.toString()).isEqualTo("next");
      events.add(message.get("payload").get("data").get("auctionEvents"));
    }
    return events;
  }
}
