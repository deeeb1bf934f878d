package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.Eip712;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * A maker who keeps their own key signs the EIP-712 order themselves. The signature here is made
 * with web3j's own EIP-712 encoder from the typed data the API documents, independently of the
 * server's digest; the exchange must then settle the order like any other.
 */
@MarketplaceTest
class SelfCustodyOrdersTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;

  @Test
  void aListingSignedWithTheMakersOwnKeyIsAcceptedAndSettlesOnChain() throws Exception {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session minter = api.newUser();
    Api.Session buyer = api.newUser();
    Credentials self = Credentials.create(Keys.createEcKeyPair());
    String maker = Keys.toChecksumAddress(self.getAddress());
    String collection = contracts.collection().address().checksummed();
    String exchange = contracts.exchange().checksummed();

    // the NFT leaves the custodial wallet for the self-custody address, which approves the exchange itself
    BigInteger tokenId = market.mint(minter);
    Api.Response withdrawn = api.postJson("/api/v1/wallet/withdrawals",
        Map.of("asset", "NFT", "collection", collection, "tokenId", tokenId.toString(), "to", maker), minter.accessToken());
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> CollectionAbi.ownerOf(chain, collection, tokenId).equalsIgnoreCase(maker));
    chain.request("anvil_setBalance", List.of(maker, "0xde0b6b3a7640000"), VoidResponse.class);
    market.sendAs(maker, collection, TradingFixture.setApprovalForAll(exchange, true));

    Instant start = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
    Instant end = start.plus(Duration.ofHours(2));
    BigInteger price = new BigInteger("300000000000000000");
    BigInteger salt = new BigInteger("123456789012345678901234567890");
    ExchangeOrder order = new ExchangeOrder(maker.toLowerCase(), Side.SELL, collection.toLowerCase(), TokenStandard.ERC721, tokenId, BigInteger.ONE, ExchangeOrder.ETH, price,
        start.getEpochSecond(), end.getEpochSecond(), salt, BigInteger.ZERO);
    OrderDomain domain = new OrderDomain(contracts.chainId().value(), exchange);
    byte[] digest = new StructuredDataEncoder(order.typedDataJson(domain)).hashStructuredData();
    Sign.SignatureData signed = Sign.signMessage(digest, self.getEcKeyPair(), false);
    String signature = Numeric.toHexString(signed.getR()) + Numeric.toHexStringNoPrefix(signed.getS()) + Numeric.toHexStringNoPrefix(signed.getV());

    Map<String, Object> listing = new HashMap<>(Map.of("collection", collection, "tokenId", tokenId.toString(), "priceWei", price.toString(),
        "maker", maker, "salt", salt.toString(), "counter", "0", "signature", signature));
    listing.put("startTime", start.toString());
    listing.put("endTime", end.toString());
    Api.Response placed = api.postJson("/api/v1/listings", listing, minter.accessToken());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    String hash = placed.text("hash");
    assertThat(hash).isEqualTo(Numeric.toHexString(digest));
    market.awaitOrder(hash, true);
    market.awaitFunded(List.of(buyer));

    BigInteger before = chain.balance(Address.of(maker));
    Api.Response bought = api.postJson("/api/v1/nfts/buy", Map.of("orderHash", hash), buyer.accessToken());
    assertThat(bought.status()).as(bought.body()).isEqualTo(202);
    JsonNode trade = awaitSettled(api, buyer, bought.text("id"));
    assertThat(trade.get("state").asString()).isEqualTo("SETTLED");
    assertThat(CollectionAbi.ownerOf(chain, collection, tokenId)).isEqualToIgnoringCase(buyer.walletAddress());
    BigInteger royalty = price.multiply(BigInteger.valueOf(500)).divide(BigInteger.valueOf(10_000));
    BigInteger fee = price.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
    assertThat(chain.balance(Address.of(maker)).subtract(before)).as("the maker paid no gas: the buyer sent the fill").isEqualTo(price.subtract(royalty).subtract(fee));
  }

  @Test
  void theListingTheServerPreparesForSigningIsExactlyTheListingItPlacesOnceSigned() throws Exception {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session minter = api.newUser();
    Credentials self = Credentials.create(Keys.createEcKeyPair());
    String maker = Keys.toChecksumAddress(self.getAddress());
    String collection = contracts.collection().address().checksummed();
    BigInteger tokenId = market.mint(minter);
    Api.Response withdrawn = api.postJson("/api/v1/wallet/withdrawals",
        Map.of("asset", "NFT", "collection", collection, "tokenId", tokenId.toString(), "to", maker), minter.accessToken());
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> new Api(port).get("/api/v1/nfts/" + contracts.chainId().value() + "/" + collection + "/" + tokenId, null)
        .text("owner").equalsIgnoreCase(maker));

    // what would be refused when placed is refused when prepared: no maker, a maker who does not own it, a token nobody minted
    Api.Response noMaker = api.postJson("/api/v1/listings/typed-data", Map.of("collection", collection, "tokenId", tokenId.toString(),
        "price", "0.3"), minter.accessToken());
    assertThat(noMaker.status()).as(noMaker.body()).isEqualTo(400);
    assertThat(noMaker.contentType()).startsWith("application/problem+json");
    Api.Response notOwner = api.postJson("/api/v1/listings/typed-data", Map.of("collection", collection, "tokenId", tokenId.toString(),
        "price", "0.3", "maker", minter.walletAddress()), minter.accessToken());
    assertThat(notOwner.status()).as(notOwner.body()).isBetween(400, 499);
    assertThat(notOwner.text("detail")).contains("is not owned by");
    Api.Response unknown = api.postJson("/api/v1/offers/typed-data", Map.of("collection", collection, "tokenId", "987654321",
        "price", "0.3", "maker", maker), minter.accessToken());
    assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
    Api.Response badPrice = api.postJson("/api/v1/offers/typed-data", Map.of("collection", collection, "tokenId", tokenId.toString(),
        "price", "-1", "maker", minter.walletAddress()), minter.accessToken());
    assertThat(badPrice.status()).as(badPrice.body()).isEqualTo(400);

    Api.Response prepared = api.postJson("/api/v1/listings/typed-data", Map.of("collection", collection, "tokenId", tokenId.toString(),
        "price", "0.3", "maker", maker), minter.accessToken());
    assertThat(prepared.status()).as(prepared.body()).isEqualTo(200);
    byte[] digest = Eip712.digest(prepared.json().get("typedData"));
    assertThat(prepared.text("hash")).isEqualTo(Numeric.toHexString(digest));
    assertThat(prepared.text("priceWei")).isEqualTo("300000000000000000");
    Sign.SignatureData signed = Sign.signMessage(digest, self.getEcKeyPair(), false);
    String signature = Numeric.toHexString(signed.getR()) + Numeric.toHexStringNoPrefix(signed.getS()) + Numeric.toHexStringNoPrefix(signed.getV());

    Map<String, Object> listing = new HashMap<>();
    for (String field : List.of("priceWei", "currency", "startTime", "endTime", "maker", "salt", "counter")) {
      listing.put(field, prepared.text(field));
    }
    listing.putAll(Map.of("collection", collection, "tokenId", tokenId.toString(), "signature", signature));
    Map<String, Object> withoutTimes = new HashMap<>(listing);
    withoutTimes.remove("startTime");
    withoutTimes.remove("endTime");
    Api.Response incomplete = api.postJson("/api/v1/listings", withoutTimes, minter.accessToken());
    assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(400);
    assertThat(incomplete.text("detail")).as("the missing signed fields are named").endsWith("missing: startTime, endTime");

    Api.Response placed = api.postJson("/api/v1/listings", listing, minter.accessToken());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(placed.text("hash")).isEqualTo(prepared.text("hash"));

    listing.put("salt", new BigInteger(prepared.text("salt")).add(BigInteger.ONE).toString());
    Api.Response resalted = api.postJson("/api/v1/listings", listing, minter.accessToken());
    assertThat(resalted.status()).as("a signature covers the salt it was made with").isEqualTo(400);
    assertThat(resalted.text("detail")).contains("signature");
  }

  private static JsonNode awaitSettled(Api api, Api.Session buyer, String tradeId) {
    await().atMost(Duration.ofSeconds(60)).until(() -> List.of("SETTLED", "FAILED").contains(api.get("/api/v1/trades/" + tradeId, buyer.accessToken()).text("state")));
    return api.get("/api/v1/trades/" + tradeId, buyer.accessToken()).json();
  }
}
