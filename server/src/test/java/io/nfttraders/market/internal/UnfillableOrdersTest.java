package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainRejected;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * Cancelled, expired and tampered orders cannot be filled: the API refuses them, and the exchange
 * itself refuses the very calldata the server would send. Each on-chain refusal is set against the
 * same call on a fillable order, which goes through.
 */
@MarketplaceTest
class UnfillableOrdersTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired JdbcClient jdbc;
  @Autowired OrderBook book;
  Api api;
  Api.Session seller;
  Api.Session buyer;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    seller = api.newUser();
    buyer = api.newUser();
  }

  @Test
  void aCancelledListingIsRefusedByTheApiAndByTheExchange() {
    String hash = activeListing(null);
    assertThat(fillReverts(hash, null)).as("a fillable order goes through").isFalse();

    Api.Response cancelled = api.send(api.request("/api/v1/orders/" + hash + "?onChain=true", seller.accessToken()).DELETE());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.text("state")).isEqualTo("CANCELLED");
    assertRefusedByApi(hash, "CANCELLED");
    await().atMost(Duration.ofSeconds(60)).until(() -> fillReverts(hash, null));
  }

  @Test
  void cancellingAllOfAMakersOrdersRefusesEachByTheApiAndByTheExchange() {
    String first = activeListing(null);
    String second = activeListing(null);
    assertThat(fillReverts(first, null)).isFalse();
    assertThat(fillReverts(second, null)).isFalse();

    Api.Response cancelled = api.post("/api/v1/orders/cancel-all", "", seller.accessToken());
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("cancelled").asInt()).isEqualTo(2);
    assertRefusedByApi(first, "CANCELLED");
    assertRefusedByApi(second, "CANCELLED");
    // the counter bump, once mined, voids every order signed under the old counter
    await().atMost(Duration.ofSeconds(60)).until(() -> fillReverts(first, null) && fillReverts(second, null));
    assertThat(jdbc.sql("select count(*) from orders where hash in (:a, :b) and state = 'CANCELLED'").param("a", first).param("b", second)
        .query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void anExpiredListingIsRefusedByTheApiAndByTheExchange() throws InterruptedException {
    String hash = activeListing(Duration.ofSeconds(6));
    assertThat(fillReverts(hash, null)).isFalse();
    Instant end = Instant.ofEpochSecond(book.find(hash).orElseThrow().order().endTime());
    Thread.sleep(Duration.between(Instant.now(), end).plusSeconds(1));
    chain.request("evm_mine", List.of(), org.web3j.protocol.core.methods.response.VoidResponse.class); // a block with a later timestamp
    assertRefusedByApi(hash, "EXPIRED");
    assertThat(fillReverts(hash, null)).isTrue();
  }

  @Test
  void aTamperedOrderIsRefusedByTheApiAndByTheExchange() {
    String hash = activeListing(null);
    OrderRow row = book.find(hash).orElseThrow();
    ExchangeOrder cheaper = withPrice(row.order(), BigInteger.ONE);
    assertThat(fillReverts(hash, null)).isFalse();
    assertThat(fillReverts(hash, cheaper)).as("the same signature over a lower price").isTrue();

    Map<String, Object> forged = new HashMap<>();
    forged.put("collection", row.order().collection());
    forged.put("tokenId", row.order().tokenId().toString());
    forged.put("priceWei", "1");
    forged.put("maker", row.order().maker());
    forged.put("salt", row.order().salt().toString());
    forged.put("counter", row.order().counter().toString());
    forged.put("endTime", Instant.ofEpochSecond(row.order().endTime()).toString());
    forged.put("startTime", Instant.ofEpochSecond(row.order().startTime()).toString());
    forged.put("signature", row.signature());
    Api.Response refused = api.postJson("/api/v1/listings", forged, buyer.accessToken());
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("type")).endsWith("/invalid-signature");
    assertThat(jdbc.sql("select count(*) from orders where token_id = :token").param("token", row.order().tokenId()).query(Long.class).single())
        .isEqualTo(1);
  }

  /** A listing the buyer can fill now; with a lifetime, it ends that long after it is placed (the mint before it is not counted). */
  private String activeListing(@Nullable Duration lifetime) {
    TradingFixture fixture = new TradingFixture(api, chain, contracts);
    BigInteger tokenId = fixture.mint(seller);
    Map<String, Object> listing = new HashMap<>(Map.of("collection", contracts.collection().address().checksummed(), "tokenId", tokenId.toString(), "price", "0.01"));
    if (lifetime != null) {
      listing.put("endTime", Instant.now().plus(lifetime).toString());
    }
    Api.Response listed = api.postJson("/api/v1/listings", listing, seller.accessToken());
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    String hash = listed.text("hash");
    fixture.awaitOrder(hash, true);
    fixture.awaitFunded(List.of(buyer));
    // eth_call runs at the latest block's time, which (automine) can be older than the order's start
    chain.request("evm_mine", List.of(), org.web3j.protocol.core.methods.response.VoidResponse.class);
    return hash;
  }

  private void assertRefusedByApi(String hash, String reason) {
    Api.Response buy = api.postJson("/api/v1/nfts/buy", Map.of("orderHash", hash), buyer.accessToken());
    assertThat(buy.status()).as(buy.body()).isEqualTo(409);
    assertThat(buy.json().get("reason").asString()).isEqualTo(reason);
  }

  /** eth_call of the buyer's fill, with the stored signature over {@code order} (the stored order when null). */
  private boolean fillReverts(String hash, ExchangeOrder order) {
    OrderRow row = book.find(hash).orElseThrow();
    ExchangeOrder sent = order == null ? row.order() : order;
    byte[] data = ExchangeCalls.fillListing(sent, Numeric.hexStringToByteArray(row.signature()), Address.of(buyer.walletAddress()));
    Map<String, String> call = Map.of("from", buyer.walletAddress(), "to", contracts.exchange().checksummed(), "data", Numeric.toHexString(data),
        "value", Numeric.toHexStringWithPrefix(sent.price()));
    try {
      EthCall result = chain.request("eth_call", List.of(call, "latest"), EthCall.class);
      return result.isReverted();
    } catch (ChainRejected reverted) {
      return true;
    }
  }

  private static ExchangeOrder withPrice(ExchangeOrder o, BigInteger price) {
    return new ExchangeOrder(o.maker(), o.side(), o.collection(), o.standard(), o.tokenId(), o.amount(), o.currency(), price, o.startTime(), o.endTime(), o.salt(), o.counter());
  }
}
