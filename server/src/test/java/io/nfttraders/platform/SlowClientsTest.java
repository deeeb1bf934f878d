package io.nfttraders.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.TricklingClients;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Clients that send their request a byte at a time cannot starve the server: while they trickle,
 * health and bids answer within a second, and each of them is answered 408 and disconnected once
 * its configured time is up.
 */
@MarketplaceTest
class SlowClientsTest {

  private static final Duration PROMPT = Duration.ofSeconds(1);
  /** A sweep's period and the scheduler's slack on a loaded two-core machine. */
  private static final Duration SLACK = Duration.ofSeconds(3);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Value("${nft.http.body-timeout:10s}") Duration bodyTimeout;
  @Value("${nft.http.header-timeout:10s}") Duration headerTimeout;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void twoHundredClientsTricklingBodiesStallNeitherHealthNorBidsAndAreCutOffWith408() throws Exception {
    Api.Session seller = api.newUser();
    List<Api.Session> bidders = List.of(api.newUser(), api.newUser());
    market.withWeth("1", bidders);
    String auction = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
        "startPrice", "0.001"), seller.accessToken()).text("id");

    // once each before the clock starts: the first of anything is slower (classes loaded, code compiled)
    BigInteger amount = TradingFixture.wei("0.001");
    assertThat(bid(auction, bidders.getFirst(), amount)).isEqualTo(200);
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);

    List<Long> healthMillis = new ArrayList<>();
    List<Long> bidMillis = new ArrayList<>();
    try (TricklingClients slow = TricklingClients.bodies(port, 200, "/api/v1/auth/login", "{\"email\":\"slow@example.com\",\"password\":\"x\"}")) {
      for (int i = 1; slow.elapsed().compareTo(bodyTimeout.minusSeconds(1)) < 0; i++) {
        amount = amount.multiply(BigInteger.valueOf(6)).divide(BigInteger.valueOf(5));
        healthMillis.add(timed(() -> assertThat(api.get("/actuator/health", null).status()).isEqualTo(200)));
        Api.Session bidder = bidders.get(i % 2);
        BigInteger next = amount;
        bidMillis.add(timed(() -> assertThat(bid(auction, bidder, next)).isEqualTo(200)));
        Thread.sleep(300);
      }
      List<TricklingClients.Outcome> outcomes = slow.awaitAll(bodyTimeout.plus(SLACK).multipliedBy(2));

      assertThat(healthMillis).hasSizeGreaterThan(3).allSatisfy(ms -> assertThat(ms).isLessThan(PROMPT.toMillis()));
      assertThat(bidMillis).hasSizeGreaterThan(3).allSatisfy(ms -> assertThat(ms).isLessThan(PROMPT.toMillis()));
      assertThat(outcomes).hasSize(200).allSatisfy(outcome -> {
        assertThat(outcome.answer()).startsWith("HTTP/1.1 408 ").contains("application/problem+json", "request-timeout");
        assertThat(outcome.closedAfter()).isLessThan(bodyTimeout.plus(SLACK));
      });
    }
  }

  @Test
  void clientsTricklingTheirHeadersAreCutOffWith408OnceTheHeaderTimeoutIsUp() throws Exception {
    try (TricklingClients slow = TricklingClients.headers(port, 20)) {
      assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
      List<TricklingClients.Outcome> outcomes = slow.awaitAll(headerTimeout.plus(SLACK).multipliedBy(2));

      assertThat(outcomes).hasSize(20).allSatisfy(outcome -> {
        assertThat(outcome.answer()).startsWith("HTTP/1.1 408 ").contains("application/problem+json", "request-timeout");
        assertThat(outcome.closedAfter()).isBetween(headerTimeout.minusMillis(500), headerTimeout.plus(SLACK));
      });
    }
  }

  @Test
  void clientsTricklingAChunkedBodysFramingHoldNoThreadAndAreCutOff() throws Exception {
    assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    List<Long> healthMillis = new ArrayList<>();
    try (TricklingClients sizes = TricklingClients.chunkFraming(port, 20, "/api/v1/auth/login", false);
        TricklingClients trailers = TricklingClients.chunkFraming(port, 20, "/api/v1/auth/login", true)) {
      while (sizes.elapsed().compareTo(bodyTimeout.minusSeconds(1)) < 0) {
        healthMillis.add(timed(() -> assertThat(api.get("/actuator/health", null).status()).isEqualTo(200)));
        Thread.sleep(300);
      }
      List<TricklingClients.Outcome> outcomes = new ArrayList<>(sizes.awaitAll(bodyTimeout.plus(SLACK).multipliedBy(2)));
      outcomes.addAll(trailers.awaitAll(bodyTimeout.plus(SLACK).multipliedBy(2)));

      assertThat(healthMillis).hasSizeGreaterThan(3).allSatisfy(ms -> assertThat(ms).isLessThan(PROMPT.toMillis()));
      assertThat(outcomes).hasSize(40).allSatisfy(outcome -> {
        assertThat(outcome.answer()).startsWith("HTTP/1.1 408 ").contains("application/problem+json");
        assertThat(outcome.closedAfter()).isLessThan(bodyTimeout.plus(SLACK));
      });
    }
  }

  private int bid(String auction, Api.Session bidder, BigInteger amountWei) {
    return api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amountWei", amountWei.toString()), bidder.accessToken()).status();
  }

  private static long timed(Runnable call) {
    long start = System.nanoTime();
    call.run();
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }
}
