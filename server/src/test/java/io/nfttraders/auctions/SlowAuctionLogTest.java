package io.nfttraders.auctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.HeldTable;
import io.nfttraders.support.MarketplaceTest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What a bidder is told when the auction log is slower than the bid's wait (nft.auctions.durable-timeout, 10 s). */
@MarketplaceTest
class SlowAuctionLogTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired DataSource dataSource;

  @Test
  void aBidStillBeingStoredWhenTheWaitRunsOutIsAnsweredUnknownAndTheLogThenTellsItsFate() throws Exception {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    market.withWeth("1", bidder);
    String auction = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
        "startPrice", "0.1"), seller.accessToken()).text("id");

    try (HeldTable _ = HeldTable.lockAgainstWrites(dataSource, "auction_events")) {
      CompletableFuture<Api.Response> bid = CompletableFuture.supplyAsync(() ->
          api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", "0.1"), bidder.accessToken()));

      Api.Response answer = bid.get(30, TimeUnit.SECONDS);
      assertThat(answer.status()).as(answer.body()).isEqualTo(503);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.text("type")).endsWith("/bid-outcome-unknown");
      assertThat(answer.text("detail")).contains("event 1 of auction " + auction);
      assertThat(api.get("/api/v1/auctions/" + auction, null).json().get("seq").asLong()).as("nothing shown while unstored").isZero();
    }

    // the decided bid was stored once the log could write: the event the answer named tells its fate
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      JsonNode events = api.get("/api/v1/auctions/" + auction + "/events", null).json();
      assertThat(events.size()).isEqualTo(1);
      assertThat(events.get(0).get("kind").asString()).isEqualTo("BID");
      assertThat(events.get(0).get("bidder").asString()).isEqualToIgnoringCase(bidder.walletAddress());
      assertThat(events.get(0).get("amountWei").asString()).isEqualTo(TradingFixture.wei("0.1").toString());
    });
    assertThat(api.get("/api/v1/auctions/" + auction, null).text("leadingBidWei")).isEqualTo(TradingFixture.wei("0.1").toString());
  }
}
