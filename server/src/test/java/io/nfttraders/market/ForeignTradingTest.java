package io.nfttraders.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.Receipt;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.ForeignTokens;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Any NFT of the chain trades here, not only ours: OpenZeppelin's ERC-721 and ERC-1155, deployed by
 * the test, are listed, sold and auctioned by custodial wallets (which approve the exchange on the
 * foreign contract through the signer), and an ERC-1155 order moves exactly its copies. Every
 * outcome is read from the chain.
 */
@MarketplaceTest
class ForeignTradingTest {

  private static final Duration SETTLING = Duration.ofSeconds(90);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired JdbcClient jdbc;
  Api api;
  TradingFixture market;
  ForeignTokens foreign;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
    foreign = new ForeignTokens(chain);
  }

  @Test
  void aForeignErc721IsListedAndBoughtAndTheBuyerOwnsItOnChain() {
    Api.Session seller = api.newUser();
    Api.Session buyer = api.newUser();
    Address erc721 = foreign.erc721();
    foreign.mint721(erc721, seller.walletAddress(), 42);
    market.awaitFunded(List.of(seller, buyer));
    awaitIndexed(erc721, 42);

    String hash = list(seller, erc721, 42, null, "0.25");
    market.awaitOrder(hash, true);
    buy(buyer, hash);

    assertThat(CollectionAbi.ownerOf(chain, erc721.checksummed(), BigInteger.valueOf(42))).isEqualToIgnoringCase(buyer.walletAddress());
  }

  @Test
  void anErc1155ListingSellsExactlyItsCopiesAndCannotAskForMoreThanTheMakerHolds() {
    Api.Session seller = api.newUser();
    Api.Session buyer = api.newUser();
    Address erc1155 = foreign.erc1155();
    foreign.mint1155(erc1155, seller.walletAddress(), 1, 10);
    market.awaitFunded(List.of(seller, buyer));
    awaitIndexed(erc1155, 1);

    Api.Response tooMany = api.postJson("/api/v1/listings", order(erc1155, 1, "11", "0.1"), seller.accessToken());
    assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(409);
    assertThat(tooMany.contentType()).startsWith("application/problem+json");
    Api.Response none = api.postJson("/api/v1/listings", order(erc1155, 1, "0", "0.1"), seller.accessToken());
    assertThat(none.status()).as(none.body()).isEqualTo(400);
    assertThat(openOrders(erc1155)).as("refusals store nothing").isZero();

    String hash = list(seller, erc1155, 1, "4", "0.3");
    assertThat(market.awaitOrder(hash, true).get("amount").asString()).isEqualTo("4");
    buy(buyer, hash);

    assertThat(foreign.balanceOf(erc1155, buyer.walletAddress(), 1)).isEqualTo(BigInteger.valueOf(4));
    assertThat(foreign.balanceOf(erc1155, seller.walletAddress(), 1)).isEqualTo(BigInteger.valueOf(6));
  }

  @Test
  void anErc721OrderIsForOneToken() {
    Api.Session seller = api.newUser();
    Address erc721 = foreign.erc721();
    foreign.mint721(erc721, seller.walletAddress(), 5);
    awaitIndexed(erc721, 5);
    Api.Response two = api.postJson("/api/v1/listings", order(erc721, 5, "2", "0.1"), seller.accessToken());
    assertThat(two.status()).as(two.body()).isEqualTo(400);
    assertThat(two.json().get("detail").asString()).contains("amount must be 1 for an ERC-721 token");
    assertThat(openOrders(erc721)).isZero();
  }

  @Test
  void copiesOfAnErc1155AndAForeignErc721AreAuctionedAndTheWinnersHoldThemOnChain() {
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    Address erc1155 = foreign.erc1155();
    Address erc721 = foreign.erc721();
    foreign.mint1155(erc1155, seller.walletAddress(), 3, 5);
    foreign.mint721(erc721, seller.walletAddress(), 9);
    market.withWeth("1", seller, bidder);
    awaitIndexed(erc1155, 3);
    awaitIndexed(erc721, 9);

    String copies = auction(seller, erc1155, 3, "3");
    String token = auction(seller, erc721, 9, null);
    assertThat(api.get("/api/v1/auctions/" + copies, null).text("amount")).isEqualTo("3");
    String query = "{ auction(id: \"" + copies + "\") { amount } }";
    assertThat(api.post("/graphql", Api.JSON.writeValueAsString(Map.of("query", query)), null).json().get("data").get("auction").get("amount").asString())
        .isEqualTo("3");
    bid(bidder, copies, "0.2");
    bid(bidder, token, "0.3");

    awaitPhase(copies, "SETTLED");
    awaitPhase(token, "SETTLED");
    assertThat(foreign.balanceOf(erc1155, bidder.walletAddress(), 3)).isEqualTo(BigInteger.valueOf(3));
    assertThat(foreign.balanceOf(erc1155, seller.walletAddress(), 3)).isEqualTo(BigInteger.valueOf(2));
    assertThat(CollectionAbi.ownerOf(chain, erc721.checksummed(), BigInteger.valueOf(9))).isEqualToIgnoringCase(bidder.walletAddress());
  }

  @Test
  void aTokenWhoseApprovalBurnsAllItsGasCostsTheWalletOneCappedApprovalAndBlocksNothingElse() {
    Api.Session seller = api.newUser();
    Address furnace = foreign.gasBurningErc721();
    Address erc721 = foreign.erc721();
    foreign.mint721(furnace, seller.walletAddress(), 7);
    foreign.mint721(erc721, seller.walletAddress(), 8);
    market.awaitFunded(List.of(seller));
    awaitIndexed(furnace, 7);
    awaitIndexed(erc721, 8);

    String hostile = list(seller, furnace, 7, null, "0.1");
    await().atMost(SETTLING).until(() -> approvalOf(seller, furnace).flatMap(tx -> chain.receipt(tx.get("hash").asString())).isPresent());
    Receipt burnt = chain.receipt(approvalOf(seller, furnace).orElseThrow().get("hash").asString()).orElseThrow();
    assertThat(burnt.succeeded()).isFalse();
    assertThat(burnt.gasUsed()).as("the approval's fixed limit, under the signer's cap for contracts we do not know").isLessThanOrEqualTo(BigInteger.valueOf(100_000));
    assertThat(market.order(hostile).get("active").asBoolean()).isFalse();

    // the wallet's next transactions are not held up behind it
    String fine = list(seller, erc721, 8, null, "0.1");
    market.awaitOrder(fine, true);
  }

  /** The seller's custodial approval of the exchange on this contract, as the transactions API shows it. */
  private java.util.Optional<JsonNode> approvalOf(Api.Session seller, Address contract) {
    return api.get("/api/v1/user/transactions", seller.accessToken()).json().valueStream()
        .filter(tx -> tx.get("kind").asString().equals("APPROVE_EXCHANGE") && tx.get("contract").asString().equals(contract.checksummed())
            && tx.hasNonNull("hash"))
        .findFirst();
  }

  private void awaitIndexed(Address contract, long tokenId) {
    await().atMost(SETTLING).until(() -> api.get("/api/v1/nfts/" + contracts.chainId() + "/" + contract.checksummed() + "/" + tokenId, null)
        .status() == 200);
  }

  private static Map<String, Object> order(Address contract, long tokenId, String amount, String price) {
    Map<String, Object> body = new HashMap<>(Map.of("collection", contract.checksummed(), "tokenId", Long.toString(tokenId), "price", price));
    if (amount != null) {
      body.put("amount", amount);
    }
    return body;
  }

  private String list(Api.Session seller, Address contract, long tokenId, String amount, String price) {
    Api.Response listed = api.postJson("/api/v1/listings", order(contract, tokenId, amount, price), seller.accessToken());
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    return listed.text("hash");
  }

  private void buy(Api.Session buyer, String orderHash) {
    Api.Response bought = api.postJson("/api/v1/nfts/buy", Map.of("orderHash", orderHash), buyer.accessToken());
    assertThat(bought.status()).as(bought.body()).isEqualTo(202);
    market.awaitTrade(buyer, bought.text("id"), "SETTLED");
  }

  private long openOrders(Address contract) {
    return jdbc.sql("select count(*) from orders where collection = :c").param("c", contract.hex()).query(Long.class).single();
  }

  /** A timed English auction of a few seconds, from 0.1 WETH. */
  private String auction(Api.Session seller, Address contract, long tokenId, String amount) {
    Map<String, Object> body = new HashMap<>(Map.of("type", "ENGLISH", "startPrice", "0.1", "duration", "PT6S", "extensionWindow", "PT0S",
        "collection", contract.checksummed(), "tokenId", Long.toString(tokenId)));
    if (amount != null) {
      body.put("amount", amount);
    }
    Api.Response created = api.postJson("/api/v1/auctions", body, seller.accessToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.text("id");
  }

  private void bid(Api.Session bidder, String auction, String amount) {
    Api.Response bid = api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", amount), bidder.accessToken());
    assertThat(bid.status()).as(bid.body()).isEqualTo(200);
  }

  private void awaitPhase(String auction, String phase) {
    await().atMost(SETTLING).until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals(phase));
  }
}
