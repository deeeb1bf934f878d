package io.nfttraders.auctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.HeldTable;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class AuctionSettlementTest {

  private static final Duration SETTLING = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired CustodialWallets wallets;
  @Autowired DataSource dataSource;
  @Autowired JdbcClient jdbc;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void theWinnerPaysTheWinningBidInWethAndGetsTheTokenWithFeeAndRoyaltySplitOnChain() {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    market.withWeth("1", alice, bob);
    BigInteger token = market.mint(seller);
    String auction = timedAuction(seller, token);

    assertThat(bid(alice, auction, "0.3").status()).isEqualTo(200);
    assertThat(bid(bob, auction, "0.4").status()).isEqualTo(200);

    JsonNode settled = awaitPhase(auction, "SETTLED");
    List<JsonNode> log = events(auction);
    assertThat(log).extracting(e -> e.get("kind").asString()).containsExactly("BID", "BID", "ENDED", "SETTLED");
    assertThat(settled.get("leader").asString()).isEqualToIgnoringCase(bob.walletAddress());
    JsonNode trade = api.get("/api/v1/trades/" + log.getLast().get("detail").asString(), seller.accessToken()).json();
    assertThat(trade.get("state").asString()).isEqualTo("SETTLED");
    long block = market.awaitTransaction(seller, trade.get("transactionId").asString(), "CONFIRMED").get("blockNumber").asLong();

    BigInteger price = TradingFixture.wei("0.4");
    BigInteger fee = price.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
    assertThat(wethDelta(bob.walletAddress(), block)).isEqualTo(price.negate());
    // the seller minted the token, so the royalty (ERC-2981) is theirs too
    assertThat(CollectionAbi.royaltyInfo(chain, market.collection(), token, price).receiver().checksummed()).isEqualTo(seller.walletAddress());
    assertThat(wethDelta(seller.walletAddress(), block)).isEqualTo(price.subtract(fee));
    assertThat(wethDelta(wallets.platformWallet().address().checksummed(), block)).isZero();
    assertThat(wethDelta(TradingFixture.FEE_RECIPIENT, block)).isEqualTo(fee);
    assertThat(wethDelta(alice.walletAddress(), block)).isZero();
    assertThat(CollectionAbi.ownerOf(chain, market.collection(), token)).isEqualToIgnoringCase(bob.walletAddress());
  }

  @Test
  void aWinnerWhoCanNoLongerPayIsPassedOverForTheNextHighestBidderAtTheirOwnBid() {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    market.withWeth("1", alice, bob);
    BigInteger token = market.mint(seller);
    // long enough for the withdrawal below to be mined before the end
    String auction = timedAuction(seller, token, "PT12S");

    assertThat(bid(alice, auction, "0.3").status()).isEqualTo(200);
    assertThat(bid(bob, auction, "0.4").status()).isEqualTo(200);
    // the winner's WETH leaves before the end: their bid cannot be paid
    Api.Response withdrawn = api.postJson("/api/v1/wallet/withdrawals",
        Map.of("asset", "WETH", "to", "0x00000000000000000000000000000000000b0b05", "amount", "1"), bob.accessToken());
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
    market.awaitTransaction(bob, withdrawn.text("transactionId"), "CONFIRMED");
    assertThat(api.get("/api/v1/auctions/" + auction, null).text("phase")).as("the withdrawal was mined before the end").isEqualTo("OPEN");

    JsonNode settled = awaitPhase(auction, "SETTLED");
    assertThat(settled.get("leader").asString()).isEqualToIgnoringCase(alice.walletAddress());
    assertThat(settled.get("leadingBidWei").asString()).isEqualTo(TradingFixture.wei("0.3").toString());
    await().atMost(SETTLING).untilAsserted(() ->
        assertThat(CollectionAbi.ownerOf(chain, market.collection(), token)).isEqualToIgnoringCase(alice.walletAddress()));
    assertThat(market.wethAt(alice.walletAddress(), chain.blockNumber().longValueExact())).isEqualTo(TradingFixture.wei("0.7"));
  }

  @Test
  void aSettlementWhoseEventIsSlowToBeStoredIsRecordedOnce() throws Exception {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    market.withWeth("1", alice);
    BigInteger token = market.mint(seller);
    String auction = timedAuction(seller, token);
    assertThat(bid(alice, auction, "0.3").status()).isEqualTo(200);

    // settlement has begun, so the end is stored; from here the log stores nothing until the sale is done on chain
    // and settlement has stopped waiting for its SETTLED event (10 s) and gone round again
    await().atMost(SETTLING).pollInterval(Duration.ofMillis(20)).until(() -> !attempts(auction).isEmpty());
    try (HeldTable _ = HeldTable.lockAgainstWrites(dataSource, "auction_events")) {
      await().atMost(SETTLING).until(() -> CollectionAbi.ownerOf(chain, market.collection(), token).equalsIgnoreCase(alice.walletAddress()));
      // the trade indexed as settled: within a round (0.5 s) settlement queues SETTLED, waits 10 s for it, and goes round again
      await().atMost(SETTLING).until(() -> jdbc.sql("select trade_id from auction_settlements where auction_id = :id::uuid and trade_id is not null")
          .param("id", auction).query(String.class).optional()
          .map(trade -> "SETTLED".equals(api.get("/api/v1/trades/" + trade, seller.accessToken()).text("state"))).orElse(false));
      await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);
      assertThat(api.get("/api/v1/auctions/" + auction, null).text("phase")).isEqualTo("ENDED");
    }

    awaitPhase(auction, "SETTLED");
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(events(auction)).extracting(e -> e.get("kind").asString()).containsExactly("BID", "ENDED", "SETTLED"));
    assertThat(attempts(auction)).as("the attempt is settled with its event").containsExactly("SETTLED");
  }

  @Test
  void anAuctionNobodyBidOnEndsUnsoldAndTheTokenStays() {
    Api.Session seller = api.newUser();
    BigInteger token = market.mint(seller);
    String auction = timedAuction(seller, token);

    awaitPhase(auction, "UNSOLD");
    assertThat(events(auction)).extracting(e -> e.get("kind").asString()).containsExactly("UNSOLD");
    assertThat(CollectionAbi.ownerOf(chain, market.collection(), token)).isEqualToIgnoringCase(seller.walletAddress());
    // the token may be auctioned again
    assertThat(timedAuction(seller, token)).isNotBlank();
  }

  private String timedAuction(Api.Session seller, BigInteger token) {
    return timedAuction(seller, token, "PT4S");
  }

  /** A timed English auction of a few seconds, from 0.1 WETH. */
  private String timedAuction(Api.Session seller, BigInteger token, String duration) {
    Map<String, Object> body = new HashMap<>(Map.of("type", "ENGLISH", "startPrice", "0.1", "duration", duration, "extensionWindow", "PT0S"));
    body.put("collection", market.collection());
    body.put("tokenId", token.toString());
    Api.Response created = api.postJson("/api/v1/auctions", body, seller.accessToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  private Api.Response bid(Api.Session bidder, String auction, String amount) {
    return api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", amount), bidder.accessToken());
  }

  private JsonNode awaitPhase(String auction, String phase) {
    await().atMost(SETTLING).until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals(phase));
    return api.get("/api/v1/auctions/" + auction, null).json();
  }

  private List<String> attempts(String auction) {
    return jdbc.sql("select state from auction_settlements where auction_id = :id::uuid order by attempt").param("id", auction).query(String.class).list();
  }

  private List<JsonNode> events(String auction) {
    return api.get("/api/v1/auctions/" + auction + "/events", null).json().valueStream().toList();
  }

  private BigInteger wethDelta(String address, long block) {
    return market.wethAt(address, block).subtract(market.wethAt(address, block - 1));
  }
}
