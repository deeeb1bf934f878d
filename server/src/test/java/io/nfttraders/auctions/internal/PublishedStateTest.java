package io.nfttraders.auctions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.HeldTable;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Readers are shown an auction as its log has it: a decision still being written is not news yet. */
@MarketplaceTest
class PublishedStateTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired AuctionRegistry registry;
  @Autowired DataSource dataSource;

  @Test
  void aBidIsShownOnlyOnceItIsDurableAndThenWithItsEvent() throws Exception {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    market.withWeth("1", bidder);
    String id = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
        "startPriceWei", "1", "minIncrementBps", 0), seller.accessToken()).text("id");
    LiveAuction auction = registry.find(UUID.fromString(id)).orElseThrow();

    CompletableFuture<LiveAuction.Outcome> bid;
    try (HeldTable _ = HeldTable.lockAgainstWrites(dataSource, "auction_events")) {
      bid = auction.submit(bidder.walletAddress().toLowerCase(), bidder.userId(), BigInteger.TEN, System.nanoTime());
      await().atMost(Duration.ofSeconds(10)).until(() -> BigInteger.TEN.equals(auction.state().leadingBid()));

      Api.Response shown = api.get("/api/v1/auctions/" + id, null);
      assertThat(shown.json().get("seq").asLong()).as(shown.body()).isZero();
      assertThat(shown.json().has("leadingBidWei")).as(shown.body()).isFalse();
      assertThat(bid.join().durable()).as("the bid's answer waits for the log").isNotDone();
    }

    bid.join().durable().join();
    Api.Response shown = api.get("/api/v1/auctions/" + id, null);
    assertThat(shown.text("leadingBidWei")).isEqualTo("10");
    assertThat(api.get("/api/v1/auctions/" + id + "/events", null).json().valueStream().map(e -> e.get("seq").asLong()).toList())
        .containsExactly(1L);
  }
}
