package io.nfttraders.minting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.Receipt;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.Eip712;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.Multipart;
import io.nfttraders.support.SelfCustodySessions;
import io.nfttraders.support.SelfCustodySessions.SelfCustody;
import io.nfttraders.support.TestImages;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.protocol.core.methods.response.EthGetTransactionCount;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * Lazy minting: a creator lists a token that does not exist yet and pays no gas; the buyer's one
 * transaction mints it to them with the creator's royalty and pays the creator. Read on the chain.
 */
@MarketplaceTest
class LazyMintTest {

  private static final String METADATA = "{\"name\": \"Morning Ferry\", \"description\": \"Minted when bought.\"}";
  private static final Duration CHAIN = Duration.ofSeconds(60);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired JdbcClient jdbc;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void theBuyersTransactionMintsTheTokenToThemAndPaysTheCreatorWhoPaidNoGasAndTheVoucherRedeemsOnce() {
    Api.Session creator = api.newUser();
    Api.Session buyer = api.newUser();
    Api.Response listed = lazyMint(creator, "0.05", "800", null);
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    JsonNode voucher = listed.json();
    assertThat(voucher.get("state").asString()).isEqualTo("OPEN");
    assertThat(voucher.get("typedData").get("domain").get("verifyingContract").asString()).isEqualToIgnoringCase(contracts.exchange().hex());
    String path = "/api/v1/lazy-mints/" + voucher.get("id").asString();
    assertThat(api.get(path, null).json().get("voucherHash").asString()).isEqualTo(voucher.get("voucherHash").asString());
    assertThat(onSale()).as("Explore lists it").contains(voucher.get("id").asString());

    market.awaitFunded(List.of(buyer));
    Api.Response otherPrice = api.postJson(path + "/buy", Map.of("priceWei", "1"), buyer.accessToken());
    assertThat(otherPrice.status()).isEqualTo(409);
    assertThat(otherPrice.json().get("reason").asString()).isEqualTo("PRICE_DIFFERS");

    BigInteger price = TradingFixture.wei("0.05");
    Api.Response bought = api.postJson(path + "/buy", Map.of("priceWei", price.toString()), buyer.accessToken());
    assertThat(bought.status()).as(bought.body()).isEqualTo(202);
    long block = market.awaitTransaction(buyer, bought.text("transactionId"), "CONFIRMED").get("blockNumber").asLong();
    await().atMost(CHAIN).until(() -> api.get(path, null).text("state").equals("REDEEMED"));
    BigInteger tokenId = new BigInteger(api.get(path, null).text("tokenId"));

    String collection = contracts.collection().address().checksummed();
    assertThat(CollectionAbi.ownerOf(chain, collection, tokenId)).isEqualToIgnoringCase(buyer.walletAddress());
    assertThat(CollectionAbi.royaltyInfo(chain, collection, tokenId, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(creator.walletAddress(), 800));
    BigInteger fee = price.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
    assertThat(market.balanceAt(creator.walletAddress(), block).subtract(market.balanceAt(creator.walletAddress(), block - 1)))
        .as("the creator is paid the price less the fee").isEqualTo(price.subtract(fee));
    assertThat(transactionsSent(creator.walletAddress())).as("the creator paid no gas: their wallet sent nothing").isZero();
    String query = "{ nft(collection: \"" + collection + "\", tokenId: \"" + tokenId + "\") { metadata { name } } }";
    assertThat(api.post("/graphql", Api.JSON.writeValueAsString(Map.of("query", query)), null).json().get("data").get("nft").get("metadata")
        .get("name").asString()).isEqualTo("Morning Ferry");

    assertThat(onSale()).doesNotContain(voucher.get("id").asString());
    Api.Response again = api.postJson(path + "/buy", Map.of("priceWei", price.toString()), buyer.accessToken());
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("reason").asString()).isEqualTo("REDEEMED");
  }

  @Test
  void badTermsAndExpiredVouchersAreRefusedWithProblemsAndStoreNothing() throws Exception {
    Api.Session creator = api.newUser();
    for (String[] bad : new String[][] {{"abc", "500", null}, {"0", "500", null}, {"0.1", "5000", null},
        {"0.1", "500", Instant.now().minusSeconds(60).toString()}, {"0.1", "500", "tomorrow"}}) {
      Api.Response refused = lazyMint(creator, bad[0], bad[1], bad[2]);
      assertThat(refused.status()).as(String.join(",", java.util.Arrays.asList(bad))).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
    }
    assertThat(jdbc.sql("select count(*) from lazy_mints where user_id = :u").param("u", creator.userId()).query(Long.class).single()).isZero();

    Api.Response soon = lazyMint(creator, "0.01", null, Instant.now().plusSeconds(2).toString());
    assertThat(soon.status()).as(soon.body()).isEqualTo(201);
    Api.Session buyer = api.newUser();
    Thread.sleep(2_500);
    Api.Response late = api.postJson("/api/v1/lazy-mints/" + soon.text("id") + "/buy", Map.of("priceWei", TradingFixture.wei("0.01").toString()),
        buyer.accessToken());
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("reason").asString()).isEqualTo("EXPIRED");
    assertThat(api.get("/api/v1/lazy-mints/" + soon.text("id"), null).text("state")).isEqualTo("OPEN");
  }

  @Test
  void aSelfCustodyCreatorSignsTheVoucherInTheirWalletAndASelfCustodyBuyerSendsTheRedemptionFromTheirs() {
    SelfCustody creator = SelfCustodySessions.signIn(api, port, contracts.chainId().value());
    SelfCustody buyer = SelfCustodySessions.signIn(api, port, contracts.chainId().value());
    Api.Response listed = lazyMint(creator.accessToken(), "0.02", "300", null);
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    assertThat(listed.text("state")).isEqualTo("UNSIGNED");
    assertThat(listed.json().hasNonNull("signature")).isFalse();
    assertThat(listed.text("creator")).isEqualTo(creator.address());
    String path = "/api/v1/lazy-mints/" + listed.text("id");
    BigInteger price = TradingFixture.wei("0.02");

    Api.Response unsigned = api.postJson(path + "/buy", Map.of("priceWei", price.toString()), buyer.accessToken());
    assertThat(unsigned.status()).isEqualTo(409);
    assertThat(unsigned.json().get("reason").asString()).isEqualTo("UNSIGNED");
    JsonNode typedData = listed.json().get("typedData");
    Api.Response notTheCreators = api.postJson(path + "/signature", Map.of("signature", Eip712.sign(buyer.key(), typedData)), creator.accessToken());
    assertThat(notTheCreators.status()).as(notTheCreators.body()).isEqualTo(400);
    assertThat(notTheCreators.contentType()).startsWith("application/problem+json");
    assertThat(api.get(path, null).text("state")).isEqualTo("UNSIGNED");
    String signature = Eip712.sign(creator.key(), typedData);
    // as some wallets hand it over: no 0x, upper case; kept as every other signature is
    Api.Response signed = api.postJson(path + "/signature", Map.of("signature", signature.substring(2).toUpperCase(java.util.Locale.ROOT)),
        creator.accessToken());
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    assertThat(signed.text("state")).isEqualTo("OPEN");
    assertThat(signed.text("signature")).isEqualTo(signature.toLowerCase(java.util.Locale.ROOT));

    // once the creator may mint (the platform's grant is mined), the buyer gets the redemption to send
    Api.Response[] bought = new Api.Response[1];
    await().atMost(CHAIN).until(() -> (bought[0] = api.postJson(path + "/buy", Map.of("priceWei", price.toString()), buyer.accessToken())).status() == 200);
    JsonNode toSign = bought[0].json().get("transactionToSign");
    assertThat(toSign.get("from").asString()).isEqualTo(buyer.address());
    assertThat(toSign.get("to").asString()).isEqualTo(contracts.exchange().checksummed());
    assertThat(toSign.get("value").asString()).isEqualTo(price.toString());
    chain.request("anvil_setBalance", List.of(buyer.address(), "0xde0b6b3a7640000"), VoidResponse.class);
    // as the buyer's wallet would send it (anvil impersonates the address; the key signed only the sign-in)
    chain.request("anvil_impersonateAccount", List.of(buyer.address()), VoidResponse.class);
    Map<String, String> tx = Map.of("from", buyer.address(), "to", toSign.get("to").asString(), "data", toSign.get("data").asString(),
        "value", Numeric.toHexStringWithPrefix(price), "gas", "0x493e0");
    String hash = chain.request("eth_sendTransaction", List.of(tx), EthSendTransaction.class).getTransactionHash();
    Receipt receipt = chain.awaitReceipt(hash, CHAIN).orElseThrow();
    assertThat(receipt.succeeded()).isTrue();
    await().atMost(CHAIN).until(() -> api.get(path, null).text("state").equals("REDEEMED"));

    BigInteger tokenId = new BigInteger(api.get(path, null).text("tokenId"));
    String collection = contracts.collection().address().checksummed();
    assertThat(CollectionAbi.ownerOf(chain, collection, tokenId)).isEqualToIgnoringCase(buyer.address());
    assertThat(CollectionAbi.royaltyInfo(chain, collection, tokenId, BigInteger.valueOf(10_000))).isEqualTo(CollectionAbi.RoyaltyInfo.of(creator.address(), 300));
    long block = receipt.blockNumber().longValueExact();
    BigInteger fee = price.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
    assertThat(market.balanceAt(creator.address(), block).subtract(market.balanceAt(creator.address(), block - 1))).isEqualTo(price.subtract(fee));
    assertThat(transactionsSent(creator.address())).as("the creator's wallet sent nothing").isZero();
  }

  private Api.Response lazyMint(Api.Session creator, String price, String royaltyBps, String endTime) {
    return lazyMint(creator.accessToken(), price, royaltyBps, endTime);
  }

  private Api.Response lazyMint(String accessToken, String price, String royaltyBps, String endTime) {
    Multipart body = new Multipart().file("image", "ferry.png", "image/png", TestImages.png(33)).json("metadata", METADATA).field("price", price);
    if (royaltyBps != null) {
      body = body.field("royaltyBps", royaltyBps);
    }
    if (endTime != null) {
      body = body.field("endTime", endTime);
    }
    return api.upload("/api/v1/lazy-mints", accessToken, body, null);
  }

  /** The ids GraphQL's openLazyMints answers (what Explore shows). */
  private List<String> onSale() {
    JsonNode answer = api.post("/graphql", Api.JSON.writeValueAsString(Map.of("query", "{ openLazyMints(first: 100) { id } }")), null).json();
    return answer.get("data").get("openLazyMints").valueStream().map(n -> n.get("id").asString()).toList();
  }

  private long transactionsSent(String address) {
    return chain.request("eth_getTransactionCount", List.of(address, "latest"), EthGetTransactionCount.class).getTransactionCount().longValueExact();
  }
}
