package io.nfttraders.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class TradingTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired JdbcClient jdbc;
  @Autowired CustodialWallets wallets;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void aResaleSplitsThePriceToTheWeiBetweenSellerCreatorAndPlatformOnChain() {
    Api.Session creator = api.newUser();
    Api.Session collector = api.newUser();
    Api.Session buyer = api.newUser();
    BigInteger tokenId = market.mint(creator, "{\"name\":\"Lot\"}", "700");
    market.awaitFunded(List.of(collector, buyer));
    BigInteger firstPrice = TradingFixture.wei("0.2");
    assertThat(CollectionAbi.royaltyInfo(chain, market.collection(), tokenId, firstPrice))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(creator.walletAddress(), firstPrice.multiply(BigInteger.valueOf(700)).divide(BigInteger.valueOf(10_000))));

    long firstSale = buy(collector, sell(creator, tokenId, "0.2"));
    // the creator's own sale: the royalty stays with the seller
    assertThat(delta(creator.walletAddress(), firstSale)).isEqualTo(firstPrice.subtract(bps(firstPrice, 250)));
    market.awaitOwner(tokenId, collector.walletAddress());

    String hash = sell(collector, tokenId, "0.5");
    long resale = buy(buyer, hash);
    BigInteger price = TradingFixture.wei("0.5");
    BigInteger royalty = bps(price, 700); // the creator's 7%
    BigInteger fee = bps(price, 250); // the platform's 2.5%
    // automine: the sale is alone in its block, so each balance changes by its share and nothing else
    assertThat(delta(collector.walletAddress(), resale)).isEqualTo(price.subtract(royalty).subtract(fee));
    assertThat(delta(creator.walletAddress(), resale)).isEqualTo(royalty);
    assertThat(delta(platformAddress(), resale)).isZero();
    assertThat(delta(TradingFixture.FEE_RECIPIENT, resale)).isEqualTo(fee);
    assertThat(CollectionAbi.ownerOf(chain, market.collection(), tokenId)).isEqualToIgnoringCase(buyer.walletAddress());

    JsonNode order = market.order(hash);
    assertThat(order.get("state").asString()).isEqualTo("FILLED");
    assertThat(order.get("active").asBoolean()).isFalse();
    Map<String, Object> sale = jdbc.sql("select royalty_source, royalty_receiver, royalty_wei, fee_wei, seller_wei, buyer from sales where order_hash = :hash")
        .param("hash", hash).query().singleRow();
    assertThat(sale.get("royalty_source")).isEqualTo("ERC2981");
    assertThat(sale.get("royalty_receiver").toString()).isEqualToIgnoringCase(creator.walletAddress());
    assertThat(sale.get("royalty_wei").toString()).isEqualTo(royalty.toString());
    assertThat(sale.get("fee_wei").toString()).isEqualTo(fee.toString());
    assertThat(sale.get("seller_wei").toString()).isEqualTo(price.subtract(royalty).subtract(fee).toString());
    assertThat(sale.get("buyer")).isEqualTo(buyer.walletAddress().toLowerCase());
    market.awaitOwner(tokenId, buyer.walletAddress());
  }

  /** Lists the token at this price (ETH, a decimal) and waits until the book shows the listing; answers its hash. */
  private String sell(Api.Session seller, BigInteger tokenId, String price) {
    Api.Response listed = market.list(seller, tokenId, price);
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    assertThat(listed.text("priceWei")).isEqualTo(TradingFixture.wei(price).toString());
    market.awaitOrder(listed.text("hash"), true);
    return listed.text("hash");
  }

  /** Buys the listing and waits for the trade to settle; answers the block it was mined in. */
  private long buy(Api.Session buyer, String orderHash) {
    Api.Response bought = api.postJson("/api/v1/nfts/buy", Map.of("orderHash", orderHash), buyer.accessToken());
    assertThat(bought.status()).as(bought.body()).isEqualTo(202);
    market.awaitTrade(buyer, bought.text("id"), "SETTLED");
    return market.awaitTransaction(buyer, bought.text("transactionId"), "CONFIRMED").get("blockNumber").asLong();
  }

  private static BigInteger bps(BigInteger price, int bps) {
    return price.multiply(BigInteger.valueOf(bps)).divide(BigInteger.valueOf(10_000));
  }

  @Test
  void ofFiftyConcurrentBuyersExactlyOneGetsTheListingAndTheOthersAClean409() throws Exception {
    Api.Session seller = api.newUser();
    BigInteger tokenId = market.mint(seller);
    String hash = market.list(seller, tokenId, "0.01").text("hash");
    List<Api.Session> buyers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      buyers.add(api.newUser());
    }
    market.awaitOrder(hash, true);
    market.awaitFunded(buyers);

    CountDownLatch start = new CountDownLatch(1);
    List<Future<Api.Response>> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
      for (Api.Session buyer : buyers) {
        answers.add(pool.submit(() -> {
          start.await();
          return api.postJson("/api/v1/nfts/buy", Map.of("orderHash", hash), buyer.accessToken());
        }));
      }
      start.countDown();
    }
    List<Api.Response> responses = new ArrayList<>();
    for (Future<Api.Response> answer : answers) {
      responses.add(answer.get());
    }
    List<Api.Response> accepted = responses.stream().filter(r -> r.status() == 202).toList();
    List<Api.Response> refused = responses.stream().filter(r -> r.status() == 409).toList();
    assertThat(accepted).hasSize(1);
    assertThat(refused).hasSize(49).allSatisfy(r -> {
      assertThat(r.contentType()).startsWith("application/problem+json");
      assertThat(r.text("type")).endsWith("/order-unavailable");
    });

    Api.Session winner = buyers.get(responses.indexOf(accepted.getFirst()));
    market.awaitTrade(winner, accepted.getFirst().text("id"), "SETTLED");
    assertThat(CollectionAbi.ownerOf(chain, market.collection(), tokenId)).isEqualToIgnoringCase(winner.walletAddress());
    assertThat(jdbc.sql("select count(*) from sales where order_hash = :hash").param("hash", hash).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from trades where order_hash = :hash").param("hash", hash).query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from trades where state = 'SETTLING' and order_hash = :hash").param("hash", hash).query(Long.class).single())
        .isZero();
    assertThat(market.order(hash).get("state").asString()).isEqualTo("FILLED");
  }

  @Test
  void anNftMovedAwayOnChainOutsideThePlatformDeactivatesItsListing() {
    Api.Session seller = api.newUser();
    BigInteger tokenId = market.mint(seller);
    String hash = market.list(seller, tokenId, "1").text("hash");
    market.awaitOrder(hash, true);

    String elsewhere = "0x00000000000000000000000000000000000b0b01";
    market.sendAs(seller.walletAddress(), market.collection(), TradingFixture.transferFrom(seller.walletAddress(), elsewhere, tokenId));

    JsonNode order = market.awaitOrder(hash, false);
    assertThat(order.get("inactiveReason").asString()).isEqualTo("NOT_OWNER");
    assertThat(order.get("state").asString()).isEqualTo("OPEN");
    // a buyer who could pay, so that the refusal is about the NFT
    Api.Session buyer = api.newUser();
    market.awaitFunded(List.of(buyer));
    Api.Response buy = api.postJson("/api/v1/nfts/buy", Map.of("orderHash", hash), buyer.accessToken());
    assertThat(buy.status()).as(buy.body()).isEqualTo(409);
    assertThat(buy.json().get("reason").asString()).isEqualTo("NOT_OWNER");
  }

  @Test
  void revokingTheExchangesApprovalDeactivatesListingsAndApprovingAgainRevivesThem() {
    Api.Session seller = api.newUser();
    BigInteger tokenId = market.mint(seller);
    String hash = market.list(seller, tokenId, "1").text("hash");
    market.awaitOrder(hash, true);

    market.sendAs(seller.walletAddress(), market.collection(), TradingFixture.setApprovalForAll(contracts.exchange().checksummed(), false));
    assertThat(market.awaitOrder(hash, false).get("inactiveReason").asString()).isEqualTo("NOT_APPROVED");
    market.sendAs(seller.walletAddress(), market.collection(), TradingFixture.setApprovalForAll(contracts.exchange().checksummed(), true));
    market.awaitOrder(hash, true);
  }

  @Test
  void aSettlementThatRevertsReleasesTheListingAndTellsTheBuyerWhy() {
    Api.Session seller = api.newUser();
    Api.Session buyer = api.newUser();
    BigInteger tokenId = market.mint(seller);
    String hash = market.list(seller, tokenId, "0.02").text("hash");
    market.awaitOrder(hash, true);
    market.awaitFunded(List.of(buyer));

    // hold blocks back so the seller's revocation lands in the same block as the fill, ahead of it
    chain.request("evm_setAutomine", List.of(false), org.web3j.protocol.core.methods.response.VoidResponse.class);
    Api.Response bought;
    try {
      bought = api.postJson("/api/v1/nfts/buy", Map.of("orderHash", hash), buyer.accessToken());
      assertThat(bought.status()).as(bought.body()).isEqualTo(202);
      market.awaitTransaction(buyer, bought.text("transactionId"), "SENT");
      market.sendAsFirst(seller.walletAddress(), market.collection(), TradingFixture.setApprovalForAll(contracts.exchange().checksummed(), false));
      chain.request("evm_mine", List.of(), org.web3j.protocol.core.methods.response.VoidResponse.class);
    } finally {
      chain.request("evm_setAutomine", List.of(true), org.web3j.protocol.core.methods.response.VoidResponse.class);
    }

    JsonNode trade = market.awaitTrade(buyer, bought.text("id"), "FAILED");
    assertThat(trade.get("failure").asString()).isNotBlank();
    assertThat(CollectionAbi.ownerOf(chain, market.collection(), tokenId)).isEqualToIgnoringCase(seller.walletAddress());
    JsonNode order = market.awaitOrder(hash, false);
    assertThat(order.get("state").asString()).as("released, not left reserved").isEqualTo("OPEN");
    org.awaitility.Awaitility.await().atMost(TradingFixture.CHAIN)
        .until(() -> "NOT_APPROVED".equals(market.order(hash).get("inactiveReason").asString()));
    assertThat(jdbc.sql("select count(*) from sales where order_hash = :hash").param("hash", hash).query(Long.class).single()).isZero();
  }

  @Test
  void malformedListingsAreRefusedWithProblemsAndNothingIsStored() {
    Api.Session seller = api.newUser();
    BigInteger tokenId = market.mint(seller);
    String token = tokenId.toString();
    List<Map<String, Object>> bad = List.of(
        Map.of("collection", market.collection(), "tokenId", token, "price", "0.5", "startTime", "1960-01-01T00:00:00Z"),
        Map.of("collection", market.collection(), "tokenId", token, "price", "0.0000000000000000001"),
        Map.of("collection", market.collection(), "tokenId", token, "price", "1", "priceWei", "1"),
        Map.of("collection", market.collection(), "tokenId", token, "price", "1", "currency", "DOGE"),
        Map.of("collection", market.collection(), "tokenId", "-1", "price", "1"),
        Map.of("collection", "0x12", "tokenId", token, "price", "1"));
    for (Map<String, Object> listing : bad) {
      Api.Response refused = api.postJson("/api/v1/listings", listing, seller.accessToken());
      assertThat(refused.status()).as(listing + " -> " + refused.body()).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(api.get("/api/v1/user/orders", seller.accessToken()).json().size()).isZero();
  }

  private BigInteger delta(String address, long block) {
    return market.balanceAt(address, block).subtract(market.balanceAt(address, block - 1));
  }

  private String platformAddress() {
    return wallets.platformWallet().address().checksummed();
  }
}
