package io.nfttraders.auctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class AuctionBiddingTest {

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
  void bidsRacingOnOneAuctionAreDecidedInOneOrderStrictlyRisingGapFreeAndEveryAnswerIsInTheLog() throws Exception {
    Api.Session seller = api.newUser();
    List<Api.Session> bidders = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      bidders.add(api.newUser());
    }
    market.withWeth("1", bidders);
    String auction = create(seller, market.mint(seller), Map.of("startPrice", "0.01", "minIncrementBps", 100)).text("id");

    List<Api.Response> answers = Collections.synchronizedList(new ArrayList<>());
    try (ExecutorService threads = Executors.newFixedThreadPool(bidders.size())) {
      List<Future<?>> done = new ArrayList<>();
      for (Api.Session bidder : bidders) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 25; i++) {
            // what the auction asked for a moment ago, plus up to 3%: many of these lose the race
            BigInteger minimum = new BigInteger(api.get("/api/v1/auctions/" + auction, null).text("minimumBidWei"));
            BigInteger amount = minimum.add(minimum.multiply(BigInteger.valueOf(ThreadLocalRandom.current().nextInt(0, 300))).divide(BigInteger.valueOf(10_000)));
            answers.add(bid(bidder, auction, amount));
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }

    List<JsonNode> log = events(auction);
    List<Api.Response> accepted = answers.stream().filter(a -> a.status() == 200).toList();
    assertThat(accepted).isNotEmpty();
    assertThat(log).hasSize(accepted.size());
    for (int i = 0; i < log.size(); i++) {
      assertThat(log.get(i).get("seq").asLong()).isEqualTo(i + 1);
      assertThat(log.get(i).get("kind").asString()).isEqualTo("BID");
      if (i > 0) {
        assertThat(wei(log.get(i), "amountWei")).isGreaterThanOrEqualTo(
            wei(log.get(i - 1), "amountWei").multiply(BigInteger.valueOf(101)).divide(BigInteger.valueOf(100)));
        assertThat(log.get(i).get("outbid").asString()).isEqualTo(log.get(i - 1).get("bidder").asString());
      }
    }
    Map<Long, JsonNode> bySeq = new HashMap<>();
    log.forEach(e -> bySeq.put(e.get("seq").asLong(), e));
    for (Api.Response answer : accepted) {
      JsonNode event = answer.json().get("event");
      JsonNode stored = bySeq.get(event.get("seq").asLong());
      assertThat(stored.get("bidder").asString()).isEqualTo(event.get("bidder").asString());
      assertThat(stored.get("amountWei").asString()).isEqualTo(event.get("amountWei").asString());
    }
    for (Api.Response refused : answers.stream().filter(a -> a.status() != 200).toList()) {
      assertThat(refused.status()).as(refused.body()).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("reason").asString()).isIn("BELOW_MINIMUM_INCREMENT", "ALREADY_LEADING");
    }
    JsonNode state = api.get("/api/v1/auctions/" + auction, null).json();
    assertThat(state.get("seq").asLong()).isEqualTo(log.size());
    assertThat(state.get("leadingBidWei").asString()).isEqualTo(log.getLast().get("amountWei").asString());
  }

  @Test
  void aBidInTheExtensionWindowMovesTheEndAndTheAuctionClosesWithItsLeaderAfterIt() {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    market.withWeth("1", alice, bob);
    JsonNode created = create(seller, market.mint(seller),
        Map.of("type", "ENGLISH", "startPrice", "0.1", "duration", "PT8S", "extensionWindow", "PT3S")).json();
    String auction = created.get("id").asString();
    Instant end = Instant.parse(created.get("endsAt").asString());

    Api.Response first = bid(alice, auction, TradingFixture.wei("0.1"));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("event").get("extended").asBoolean()).isFalse();
    assertThat(first.json().get("event").get("endsAt").asString()).isEqualTo(end.toString());

    await().until(() -> Instant.now().isAfter(end.minusMillis(1500)));
    Api.Response late = bid(bob, auction, TradingFixture.wei("0.2"));
    assertThat(late.status()).as(late.body()).isEqualTo(200);
    JsonNode event = late.json().get("event");
    assertThat(event.get("extended").asBoolean()).isTrue();
    Instant extendedEnd = Instant.parse(event.get("endsAt").asString());
    assertThat(extendedEnd).isEqualTo(Instant.parse(event.get("at").asString()).plusSeconds(3)).isAfter(end);

    await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals("ENDED"));
    Api.Response tooLate = bid(alice, auction, TradingFixture.wei("0.5"));
    assertThat(tooLate.status()).isEqualTo(409);
    assertThat(tooLate.json().get("reason").asString()).isEqualTo("ENDED");
    List<JsonNode> log = events(auction);
    assertThat(log).extracting(e -> e.get("kind").asString()).containsExactly("BID", "BID", "ENDED");
    assertThat(Instant.parse(log.getLast().get("at").asString())).isAfterOrEqualTo(extendedEnd);
    assertThat(log.getLast().get("leader").asString()).isEqualToIgnoringCase(bob.walletAddress());
  }

  @Test
  void aLeadingBidHoldsItsFundsAgainstTheBiddersOtherAuctionsUntilItIsOutbid() {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    market.awaitFunded(List.of(alice, bob));
    market.wrap(alice, "1");
    market.wrap(bob, "2");
    String first = create(seller, market.mint(seller), Map.of("startPrice", "0.1")).text("id");
    String second = create(seller, market.mint(seller), Map.of("startPrice", "0.1")).text("id");

    assertThat(bid(alice, first, TradingFixture.wei("0.8")).status()).isEqualTo(200);
    Api.Response held = bid(alice, second, TradingFixture.wei("0.5"));
    assertThat(held.status()).as(held.body()).isEqualTo(409);
    assertThat(held.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    Api.Response beyondBalance = bid(bob, second, TradingFixture.wei("2.5"));
    assertThat(beyondBalance.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");

    assertThat(bid(bob, first, TradingFixture.wei("0.9")).status()).isEqualTo(200);
    Api.Response released = bid(alice, second, TradingFixture.wei("0.5"));
    assertThat(released.status()).as(released.body()).isEqualTo(200);
    assertThat(released.json().get("minimumBidWei").asString()).isEqualTo(TradingFixture.wei("0.55").toString());
    assertThat(released.json().get("minimumNextBidWei").asString()).as("the name it had before, for one more release")
        .isEqualTo(TradingFixture.wei("0.55").toString());
  }

  @Test
  void badBidsAreClearProblemsAndChangeNothing() {
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    String auction = create(seller, market.mint(seller), Map.of("startPrice", "0.1")).text("id");

    assertThat(api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amountWei", "12abc"), bidder.accessToken()).status()).isEqualTo(400);
    assertThat(api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", "0.1", "amountWei", "1"), bidder.accessToken()).status())
        .isEqualTo(400);
    assertThat(api.postJson("/api/v1/nfts/bid", Map.of("auctionId", "nope", "amount", "0.1"), bidder.accessToken()).status()).isEqualTo(400);
    Api.Response unknown = api.postJson("/api/v1/nfts/bid", Map.of("auctionId", java.util.UUID.randomUUID().toString(), "amount", "0.1"),
        bidder.accessToken());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");
    assertThat(api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", "0.1"), null).status()).isEqualTo(401);
    Api.Response own = bid(seller, auction, TradingFixture.wei("0.2"));
    assertThat(own.json().get("reason").asString()).isEqualTo("SELLER_CANNOT_BID");
    Api.Response noWeth = bid(bidder, auction, TradingFixture.wei("0.2"));
    assertThat(noWeth.json().get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");

    assertThat(events(auction)).isEmpty();
    assertThat(api.get("/api/v1/auctions/" + auction, null).json().get("seq").asLong()).isZero();
  }

  @Test
  void theBidEndpointAnswersLikeEveryOtherCommandBadBodiesAndMediaTypesAreProblemsAndAnswersCarryTheSecurityHeaders() throws Exception {
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    String auction = create(seller, market.mint(seller), Map.of("startPrice", "0.1")).text("id");

    Api.Response malformed = api.post("/api/v1/nfts/bid", "{\"auctionId\": ", bidder.accessToken());
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.json().get("type").asString()).endsWith("/malformed-request");
    Api.Response nullBody = api.post("/api/v1/nfts/bid", "null", bidder.accessToken());
    assertThat(nullBody.status()).isEqualTo(400);
    assertThat(nullBody.json().get("type").asString()).endsWith("/malformed-request");
    assertThat(api.post("/api/v1/nfts/bid", "[1]", bidder.accessToken()).status()).isEqualTo(400);
    Api.Response tooLarge = api.post("/api/v1/nfts/bid", "{\"auctionId\":\"" + "x".repeat(70_000) + "\"}", bidder.accessToken());
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    Api.Response text = api.send(api.request("/api/v1/nfts/bid", bidder.accessToken()).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{\"auctionId\":\"" + auction + "\",\"amount\":\"0.1\"}")));
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.contentType()).startsWith("application/problem+json");
    Api.Response suffixed = api.send(api.request("/api/v1/nfts/bid", bidder.accessToken()).header("Content-Type", "application/vnd.bid+json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"auctionId\":\"" + auction + "\",\"amount\":\"0.1\"}")));
    assertThat(suffixed.status()).as("a JSON-based media type is read, then refused for funds").isEqualTo(409);
    Api.Response encoded = api.postJson("/api/v1/nfts/%62id", Map.of("auctionId", auction, "amount", "0.1"), bidder.accessToken());
    assertThat(encoded.status()).as("a percent-encoded path is the same path: " + encoded.body()).isEqualTo(409);
    assertThat(api.send(api.request("/api/v1/nfts/bid", bidder.accessToken()).header("Content-Type", "json;;=")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(415);
    HttpResponse<String> anonymous = HttpClient.newHttpClient().send(api.request("/api/v1/nfts/bid", null).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"auctionId\":\"" + auction + "\",\"amount\":\"0.1\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("Set-Cookie")).as("no session for a refused bid").isEmpty();
    assertThat(api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", "1e300000000"), bidder.accessToken()).status())
        .as("refused before the exponent is worked out").isEqualTo(400);
    HttpResponse<String> get = HttpClient.newHttpClient().send(api.request("/api/v1/nfts/bid", bidder.accessToken()).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
    assertThat(api.get("/api/v1/nfts/bid", null).status()).as("authenticated first, as every API path").isEqualTo(401);
    Api.Response garbageToken = api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", "0.1"), "not.a.token");
    assertThat(garbageToken.status()).isEqualTo(401);
    assertThat(garbageToken.json().get("type").asString()).endsWith("/unauthorized");

    HttpResponse<String> answer = HttpClient.newHttpClient().send(api.request("/api/v1/nfts/bid", bidder.accessToken())
        .header("Content-Type", "application/json; charset=UTF-8").header("X-Request-Id", "bid-spec-1")
        .POST(HttpRequest.BodyPublishers.ofString("{\"auctionId\":\"" + auction + "\",\"amount\":\"0.1\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as("refused: no WETH").isEqualTo(409);
    assertThat(answer.headers().firstValue("X-Request-Id")).contains("bid-spec-1");
    assertThat(answer.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(answer.headers().firstValue("X-Frame-Options")).contains("DENY");
    assertThat(answer.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    // the request metrics name the endpoint, as they name every controller's (an admin email of application-test.yaml)
    Map<String, String> credentials = Map.of("email", "bids-ops@nfttraders.test", "password", "the operator passphrase");
    assertThat(api.postJson("/api/v1/auth/signup", credentials, null).status()).isEqualTo(201);
    String operator = api.postJson("/api/v1/auth/login", credentials, null).text("accessToken");
    assertThat(api.get("/actuator/prometheus", operator).body()).contains("uri=\"/api/v1/nfts/bid\"");

    assertThat(events(auction)).isEmpty();
  }

  @Test
  void onlyTheOwnerMayAuctionATokenAndOnlyOnceAtATime() {
    Api.Session seller = api.newUser();
    Api.Session other = api.newUser();
    BigInteger token = market.mint(seller);

    Api.Response notOwner = create(other, token, Map.of("startPrice", "0.1"));
    assertThat(notOwner.status()).isEqualTo(409);
    assertThat(create(seller, token, Map.of("startPrice", "0")).status()).isEqualTo(400);
    assertThat(create(seller, token, Map.of("startPrice", "0.1", "type", "DUTCH", "duration", "PT1H")).status()).as("no floor").isEqualTo(400);
    assertThat(create(seller, token, Map.of("startPrice", "0.1")).status()).isEqualTo(201);
    assertThat(create(seller, token, Map.of("startPrice", "0.2")).status()).isEqualTo(409);
  }

  @Test
  void aFraudHoldRefusesBidsAndKeepsTheAuctionOpenPastItsEndUntilLifted() {
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    market.withWeth("1", bidder);
    // a configured admin email (application-test.yaml) signs up as an operator
    Map<String, String> credentials = Map.of("email", "auctions-ops@nfttraders.test", "password", "the operator passphrase");
    assertThat(api.postJson("/api/v1/auth/signup", credentials, null).status()).isEqualTo(201);
    String operator = api.postJson("/api/v1/auth/login", credentials, null).text("accessToken");
    BigInteger token = market.mint(seller);
    // only the 3 s auction's own steps run between its creation and the hold
    String auction = create(seller, token, Map.of("type", "ENGLISH", "startPrice", "0.1", "duration", "PT3S", "extensionWindow", "PT0S")).text("id");

    assertThat(api.postJson("/api/v1/admin/auctions/" + auction + "/hold", Map.of("reason", "wash trading"), bidder.accessToken()).status())
        .as("only an operator").isEqualTo(403);
    Api.Response held = api.postJson("/api/v1/admin/auctions/" + auction + "/hold", Map.of("reason", "wash trading"), operator);
    assertThat(held.status()).as(held.body()).isEqualTo(200);
    assertThat(held.text("kind")).isEqualTo("PAUSED");
    Api.Response refused = bid(bidder, auction, TradingFixture.wei("0.2"));
    assertThat(refused.json().get("reason").asString()).isEqualTo("PAUSED");
    assertThat(api.postJson("/api/v1/admin/auctions/" + auction + "/hold", Map.of(), operator).status()).isEqualTo(409);

    await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> true);
    assertThat(api.get("/api/v1/auctions/" + auction, null).text("phase")).as("held past its end, still open").isEqualTo("OPEN");
    assertThat(api.postJson("/api/v1/admin/auctions/" + auction + "/release", Map.of(), operator).status()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals("UNSOLD"));
    assertThat(events(auction)).extracting(e -> e.get("kind").asString()).containsExactly("PAUSED", "RESUMED", "UNSOLD");
    // the log's batch writes are measured for operators, by outcome and against latency buckets
    String metrics = api.get("/actuator/prometheus", operator).body();
    assertThat(metrics.lines().filter(l -> l.startsWith("nft_auctions_log_writes_seconds_count{") && l.contains("outcome=\"committed\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum()).isGreaterThanOrEqualTo(1);
    assertThat(metrics.lines().filter(l -> l.startsWith("nft_auctions_log_writes_seconds_bucket{"))
        .filter(l -> l.contains("le=\"0.02\"") && l.contains("outcome=\"committed\""))).hasSize(1);
  }

  @Test
  void aSellerCancelsOnlyBeforeTheFirstBidAndTheTokenIsFreeToSellAgain() {
    Api.Session seller = api.newUser();
    Api.Session other = api.newUser();
    Api.Session bidder = api.newUser();
    market.withWeth("1", bidder);
    BigInteger token = market.mint(seller);
    String first = create(seller, token, Map.of("startPrice", "0.1")).text("id");

    Api.Response notSeller = cancel(other, first);
    assertThat(notSeller.status()).as(notSeller.body()).isEqualTo(403);
    assertThat(notSeller.text("type")).endsWith("/not-your-auction");
    assertThat(api.get("/api/v1/auctions/" + first, null).text("phase")).isEqualTo("OPEN");

    Api.Response cancelled = cancel(seller, first);
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.text("kind")).isEqualTo("CANCELLED");
    assertThat(cancelled.text("phase")).isEqualTo("CANCELLED");
    assertThat(bid(bidder, first, TradingFixture.wei("0.2")).json().get("reason").asString()).isEqualTo("ENDED");
    Api.Response twice = cancel(seller, first);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.text("type")).endsWith("/auction-not-cancellable");
    assertThat(events(first)).extracting(e -> e.get("kind").asString()).containsExactly("CANCELLED");

    Api.Response again = create(seller, token, Map.of("startPrice", "0.1"));
    assertThat(again.status()).as("the token is free once its auction is cancelled: " + again.body()).isEqualTo(201);
    String second = again.text("id");
    assertThat(bid(bidder, second, TradingFixture.wei("0.1")).status()).isEqualTo(200);
    Api.Response afterBid = cancel(seller, second);
    assertThat(afterBid.status()).as(afterBid.body()).isEqualTo(409);
    assertThat(afterBid.text("detail")).contains("has bids");
    JsonNode state = api.get("/api/v1/auctions/" + second, null).json();
    assertThat(state.get("phase").asString()).isEqualTo("OPEN");
    assertThat(state.get("bids").asLong()).isEqualTo(1);

    assertThat(cancel(seller, "7d0c4a4e-0000-4000-8000-000000000000").status()).isEqualTo(404);
    assertThat(cancel(seller, "not-a-uuid").status()).isEqualTo(400);
    assertThat(api.postJson("/api/v1/auctions/" + second + "/cancel", Map.of(), null).status()).as("signed in only").isEqualTo(401);
  }

  @Test
  void aDutchAuctionIsWonByTheFirstBidAtItsCurrentPriceAndSettled() {
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    market.withWeth("1", bidder);
    JsonNode created = create(seller, market.mint(seller), Map.of("type", "DUTCH", "startPrice", "0.5", "floorPrice", "0.1", "duration", "PT1H"))
        .json();
    String auction = created.get("id").asString();
    BigInteger price = new BigInteger(api.get("/api/v1/auctions/" + auction, null).text("minimumBidWei"));
    assertThat(price).isLessThanOrEqualTo(TradingFixture.wei("0.5")).isGreaterThan(TradingFixture.wei("0.49"));

    Api.Response low = bid(bidder, auction, TradingFixture.wei("0.3"));
    assertThat(low.json().get("reason").asString()).isEqualTo("BELOW_PRICE");
    Api.Response bought = bid(bidder, auction, TradingFixture.wei("0.5"));
    assertThat(bought.status()).as(bought.body()).isEqualTo(200);
    assertThat(bought.json().get("event").get("phase").asString()).isEqualTo("ENDED");
    await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals("SETTLED"));
    assertThat(api.get("/api/v1/auctions/" + auction, null).text("leadingBidWei")).isEqualTo(TradingFixture.wei("0.5").toString());
  }

  private Api.Response create(Api.Session seller, BigInteger tokenId, Map<String, Object> terms) {
    Map<String, Object> body = new HashMap<>(terms);
    body.put("collection", market.collection());
    body.put("tokenId", tokenId.toString());
    return api.postJson("/api/v1/auctions", body, seller.accessToken());
  }

  private Api.Response cancel(Api.Session who, String auction) {
    return api.postJson("/api/v1/auctions/" + auction + "/cancel", Map.of(), who.accessToken());
  }

  private Api.Response bid(Api.Session bidder, String auction, BigInteger amountWei) {
    return api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amountWei", amountWei.toString()), bidder.accessToken());
  }

  private List<JsonNode> events(String auction) {
    return api.get("/api/v1/auctions/" + auction + "/events?limit=1000", null).json().valueStream().toList();
  }

  private static BigInteger wei(JsonNode node, String field) {
    return new BigDecimal(node.get(field).asString()).toBigIntegerExact();
  }
}
