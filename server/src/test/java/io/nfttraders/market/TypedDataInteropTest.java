package io.nfttraders.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.WalletInterop;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * The typed data we hand out is signed by ethers v6 as a client would: its domain, types and
 * message passed to {@code signTypedData} as they are, with no change. A listing, an offer and a
 * bid so signed are placed, and ethers' digest is the order hash we name.
 */
@MarketplaceTest
class TypedDataInteropTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;
  TradingFixture market;
  ECKeyPair key;
  String self;

  @BeforeAll
  static void installEthers() throws Exception {
    WalletInterop.install();
  }

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
    key = generateKey();
    self = Keys.toChecksumAddress(Keys.getAddress(key));
    chain.request("anvil_setBalance", List.of(self, "0xde0b6b3a7640000"), VoidResponse.class);
  }

  @Test
  void aListingSignedByEthersIsPlacedUnderTheHashEthersComputes() throws Exception {
    Api.Session minter = api.newUser();
    BigInteger tokenId = market.mint(minter);
    Api.Response withdrawn = api.postJson("/api/v1/wallet/withdrawals",
        Map.of("asset", "NFT", "collection", market.collection(), "tokenId", tokenId.toString(), "to", self), minter.accessToken());
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> CollectionAbi.ownerOf(chain, market.collection(), tokenId).equalsIgnoreCase(self));
    await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/nfts/" + contracts.chainId() + "/" + market.collection() + "/" + tokenId, null)
        .text("owner").equalsIgnoreCase(self));

    placeSigned("listings", Map.of("collection", market.collection(), "tokenId", tokenId.toString(), "price", "0.3", "maker", self), minter);
  }

  @Test
  void anOfferSignedByEthersIsPlacedUnderTheHashEthersComputes() throws Exception {
    Api.Session owner = api.newUser();
    BigInteger tokenId = market.mint(owner);
    placeSigned("offers", Map.of("collection", market.collection(), "tokenId", tokenId.toString(), "price", "0.2", "maker", self), owner);
  }

  @Test
  void aBidSignedByEthersIsAccepted() throws Exception {
    String weth = contracts.weth().address().checksummed();
    market.sendAs(self, weth, FunctionEncoder.encode(new Function("deposit", List.of(), List.of())), TradingFixture.wei("0.5"));
    market.sendAs(self, weth, FunctionEncoder.encode(new Function("approve",
        List.of(new Address(contracts.exchange().checksummed()), new Uint256(TradingFixture.wei("0.5"))), List.of())));
    Api.Session seller = api.newUser();
    Api.Session submitter = api.newUser();
    Map<String, Object> terms = new HashMap<>(Map.of("type", "ENGLISH", "startPrice", "0.1", "duration", "PT1H"));
    terms.put("collection", market.collection());
    terms.put("tokenId", market.mint(seller).toString());
    String auction = api.postJson("/api/v1/auctions", terms, seller.accessToken()).text("id");

    JsonNode toSign = api.get("/api/v1/auctions/" + auction + "/bid-typed-data?bidder=" + self + "&amount=0.2", submitter.accessToken()).json();
    JsonNode signed = signWithEthers(toSign.get("typedData"));
    Api.Response bid = api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", "0.2", "bidder", self,
        "endTime", toSign.get("endTime").asString(), "salt", toSign.get("salt").asString(), "counter", toSign.get("counter").asString(),
        "signature", signed.get("signature").asString()), submitter.accessToken());

    assertThat(bid.status()).as(bid.body()).isEqualTo(200);
    assertThat(bid.json().get("event").get("bidder").asString()).isEqualToIgnoringCase(self);
  }

  /** Prepares the order, has ethers sign it, places it with the values the preparation named. */
  private void placeSigned(String kind, Map<String, Object> order, Api.Session submitter) throws Exception {
    Api.Response prepared = api.postJson("/api/v1/" + kind + "/typed-data", order, submitter.accessToken());
    assertThat(prepared.status()).as(prepared.body()).isEqualTo(200);
    JsonNode signed = signWithEthers(prepared.json().get("typedData"));
    assertThat(signed.get("digest").asString()).as("ethers' EIP-712 digest is the order's hash").isEqualTo(prepared.text("hash"));

    Map<String, Object> placement = new HashMap<>();
    for (String field : List.of("priceWei", "currency", "startTime", "endTime", "maker", "salt", "counter")) {
      placement.put(field, prepared.text(field));
    }
    placement.putAll(Map.of("collection", order.get("collection"), "tokenId", order.get("tokenId"), "signature", signed.get("signature").asString()));
    Api.Response placed = api.postJson("/api/v1/" + kind, placement, submitter.accessToken());
    assertThat(placed.status()).as(placed.body()).isEqualTo(201);
    assertThat(placed.text("hash")).isEqualTo(prepared.text("hash"));
  }

  private JsonNode signWithEthers(JsonNode typedData) throws Exception {
    JsonNode signed = WalletInterop.call("typed-data.mjs", Api.JSON.writeValueAsString(Map.of(
        "privateKey", Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64), "typedData", typedData)));
    assertThat(signed.get("address").asString()).isEqualTo(self);
    return signed;
  }

  private static ECKeyPair generateKey() {
    try {
      return Keys.createEcKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
