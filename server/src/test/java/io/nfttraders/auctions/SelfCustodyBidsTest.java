package io.nfttraders.auctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.Eip712;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.protocol.core.methods.response.VoidResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A bidder who keeps their own key signs each bid as their WETH offer for the token (the
 * exchange's EIP-712 order); the server checks the signature before the bid is decided and
 * settles a winning bid with that very signature, never signing for the bidder.
 */
@MarketplaceTest
class SelfCustodyBidsTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;

  @Test
  void aBidSignedWithTheBiddersOwnKeyIsVerifiedDecidedAndSettledWithThatSignature() throws Exception {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session carol = api.newUser();
    Credentials key = Credentials.create(Keys.createEcKeyPair());
    String self = Keys.toChecksumAddress(key.getAddress());
    String weth = contracts.weth().address().checksummed();
    chain.request("anvil_setBalance", List.of(self, "0xde0b6b3a7640000"), VoidResponse.class);
    market.sendAs(self, weth, FunctionEncoder.encode(new Function("deposit", List.of(), List.of())), TradingFixture.wei("0.5"));
    market.sendAs(self, weth, FunctionEncoder.encode(new Function("approve",
        List.of(new Address(contracts.exchange().checksummed()), new Uint256(TradingFixture.wei("0.5"))), List.of())));
    market.withWeth("1", alice);
    BigInteger token = market.mint(seller);
    Map<String, Object> terms = new HashMap<>(Map.of("type", "ENGLISH", "startPrice", "0.1", "duration", "PT8S", "extensionWindow", "PT0S"));
    terms.put("collection", market.collection());
    terms.put("tokenId", token.toString());
    String auction = api.postJson("/api/v1/auctions", terms, seller.accessToken()).text("id");
    assertThat(api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", "0.2"), alice.accessToken()).status()).isEqualTo(200);

    JsonNode toSign = api.get("/api/v1/auctions/" + auction + "/bid-typed-data?bidder=" + self + "&amount=0.3", carol.accessToken()).json();
    JsonNode typedData = toSign.get("typedData");
    assertThat(typedData.get("types").has("EIP712Domain")).as("as ethers' signTypedData takes it").isFalse();
    assertThat(Eip712.digest(Api.JSON.readTree(toSign.get("typedDataJson").asString()))).as("the deprecated string is the same typed data")
        .isEqualTo(Eip712.digest(typedData));
    JsonNode message = typedData.get("message");
    assertThat(message.get("maker").asString()).isEqualToIgnoringCase(self);
    assertThat(message.get("side").asInt()).as("BUY").isEqualTo(1);
    assertThat(message.get("currency").asString()).isEqualToIgnoringCase(weth);
    assertThat(message.get("price").asString()).isEqualTo(TradingFixture.wei("0.3").toString());
    assertThat(message.get("tokenId").asString()).isEqualTo(token.toString());
    assertThat(message.get("startTime").asString()).isEqualTo("0");
    assertThat(message.get("counter").asString()).isEqualTo("0");
    String signature = Eip712.sign(key, typedData);
    Map<String, Object> bid = new HashMap<>(Map.of("auctionId", auction, "amount", "0.3", "bidder", self, "endTime", toSign.get("endTime").asString(),
        "salt", toSign.get("salt").asString(), "counter", toSign.get("counter").asString(), "signature", signature));

    Map<String, Object> tampered = new HashMap<>(bid);
    tampered.put("signature", "0x" + (signature.charAt(2) == 'a' ? 'b' : 'a') + signature.substring(3));
    assertRefused(api.postJson("/api/v1/nfts/bid", tampered, carol.accessToken()));
    Map<String, Object> otherAmount = new HashMap<>(bid);
    otherAmount.put("amount", "0.4");
    assertRefused(api.postJson("/api/v1/nfts/bid", otherAmount, carol.accessToken()));
    // correctly signed, but with a counter the exchange no longer takes from this maker
    Map<String, Object> staleCounter = new HashMap<>(bid);
    staleCounter.put("counter", "7");
    JsonNode withStaleCounter = typedData.deepCopy();
    ((ObjectNode) withStaleCounter.get("message")).put("counter", "7");
    staleCounter.put("signature", Eip712.sign(key, withStaleCounter));
    assertRefused(api.postJson("/api/v1/nfts/bid", staleCounter, carol.accessToken()));
    Map<String, Object> typo = new HashMap<>(bid);
    typo.put("bidder", self.substring(0, 41));
    Api.Response malformed = api.postJson("/api/v1/nfts/bid", typo, carol.accessToken());
    assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
    assertThat(malformed.text("type")).endsWith("invalid-bid");
    assertThat(events(api, auction)).as("nothing refused reached the log").hasSize(1);

    Api.Response accepted = api.postJson("/api/v1/nfts/bid", bid, carol.accessToken());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("event").get("bidder").asString()).isEqualToIgnoringCase(self);

    await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals("SETTLED"));
    assertThat(CollectionAbi.ownerOf(chain, market.collection(), token)).isEqualToIgnoringCase(self);
    assertThat(market.wethAt(self, chain.blockNumber().longValueExact())).as("the bidder paid exactly their bid")
        .isEqualTo(TradingFixture.wei("0.2"));
    assertThat(market.wethAt(alice.walletAddress(), chain.blockNumber().longValueExact())).isEqualTo(TradingFixture.wei("1"));
  }

  private static void assertRefused(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("type")).endsWith("invalid-bid-signature");
  }

  private static List<JsonNode> events(Api api, String auction) {
    return api.get("/api/v1/auctions/" + auction + "/events", null).json().valueStream().toList();
  }
}
