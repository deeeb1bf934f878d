package io.nfttraders.minting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainContracts;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.Multipart;
import io.nfttraders.support.TestImages;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class MintingTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired Chains chains;
  @Autowired ChainContracts chainContracts;
  @Autowired JdbcClient jdbc;
  Api api;
  Api.Session user;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    user = api.newUser();
  }

  private void awaitConfirmed(String transactionId) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> "CONFIRMED".equals(api.get("/api/v1/transactions/" + transactionId, user.accessToken()).text("status")));
  }

  private JsonNode awaitOwnedNfts(int count) {
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/user/nfts?limit=200", user.accessToken()).json().size() == count);
    return api.get("/api/v1/user/nfts?limit=200", user.accessToken()).json();
  }

  @Test
  void mintsAnNftThatTheChainAndTheApiAgreeOn() {
    byte[] png = TestImages.png();
    Api.Response accepted = api.mint(user.accessToken(), png,
        "{\"name\":\"Sunrise\",\"description\":\"first light\",\"attributes\":[{\"trait_type\":\"Sky\",\"value\":\"orange\"}]}", null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String tokenUri = accepted.json().get("items").get(0).get("tokenUri").asString();
    assertThat(tokenUri).startsWith("ipfs://bafkrei");
    awaitConfirmed(accepted.text("transactionId"));

    JsonNode nft = awaitOwnedNfts(1).get(0);
    BigInteger tokenId = new BigInteger(nft.get("tokenId").asString());
    String collection = contracts.collection().address().checksummed();
    // the chain's own answers
    assertThat(CollectionAbi.ownerOf(chain, collection, tokenId)).isEqualToIgnoringCase(user.walletAddress());
    assertThat(CollectionAbi.tokenUri(chain, collection, tokenId)).isEqualTo(tokenUri);
    // every sale pays the creator the default 5%
    assertThat(CollectionAbi.royaltyInfo(chain, collection, tokenId, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(user.walletAddress(), 500));
    assertThat(accepted.json().get("royalty").get("receiver").asString()).isEqualTo(user.walletAddress());

    await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/v1/transactions/" + accepted.text("transactionId"), user.accessToken())
        .json().get("tokenIds").toString().contains("\"" + tokenId + "\""));

    JsonNode details = api.get("/api/v1/nfts/31337/" + collection + "/" + tokenId, null).json();
    assertThat(details.get("owner").asString()).isEqualTo(user.walletAddress());
    assertThat(details.get("tokenUri").asString()).isEqualTo(tokenUri);
    assertThat(details.get("metadata").get("name").asString()).isEqualTo("Sunrise");
    assertThat(details.get("mint").get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(details.get("provenance").size()).isEqualTo(1);

    // the metadata and image are served by CID, byte for byte
    Api.Response metadata = api.get("/ipfs/" + tokenUri.substring("ipfs://".length()), null);
    assertThat(metadata.json().get("image").asString()).isEqualTo("ipfs:/" + details.get("imageUrl").asString().substring("/ipfs".length()));
    Api.Response image = api.send(api.request(details.get("imageUrl").asString(), null).GET());
    assertThat(image.status()).isEqualTo(200);
    assertThat(image.contentType()).isEqualTo("image/png");
  }

  @Test
  void aRetriedRequestWithTheSameIdempotencyKeySendsOneTransaction() {
    byte[] png = TestImages.png();
    String key = UUID.randomUUID().toString();
    String metadata = "{\"name\":\"Once\"}";
    Api.Response first = api.mint(user.accessToken(), png, metadata, key);
    Api.Response retry = api.mint(user.accessToken(), png, metadata, key);
    assertThat(first.status()).isEqualTo(202);
    assertThat(retry.status()).isEqualTo(202);
    assertThat(retry.text("transactionId")).isEqualTo(first.text("transactionId"));

    Api.Response otherBody = api.mint(user.accessToken(), TestImages.png(), metadata, key);
    assertThat(otherBody.status()).isEqualTo(422);
    assertThat(otherBody.text("type")).endsWith("/idempotency-key-reused");

    awaitConfirmed(first.text("transactionId"));
    long mintTransactions = api.get("/api/v1/user/transactions", user.accessToken()).json().valueStream()
        .filter(tx -> tx.get("kind").asString().equals("MINT")).count();
    assertThat(mintTransactions).isEqualTo(1);
    assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).isEqualTo(BigInteger.ONE);
  }

  @Test
  void mintsADropInOneTransactionUnderOneDirectory() {
    Multipart drop = new Multipart();
    StringBuilder metadata = new StringBuilder("[");
    for (int i = 0; i < 5; i++) {
      drop.file("images", "img" + i + ".png", "image/png", TestImages.png());
      metadata.append(i == 0 ? "" : ",").append("{\"name\":\"Drop #").append(i).append("\"}");
    }
    drop.json("metadata", metadata.append("]").toString());
    drop.field("royaltyBps", "300");
    Api.Response accepted = api.upload("/api/v1/nfts/batch", user.accessToken(), drop, null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    awaitConfirmed(accepted.text("transactionId"));

    JsonNode owned = awaitOwnedNfts(5);
    String collection = contracts.collection().address().checksummed();
    String directoryUri = accepted.json().get("items").get(0).get("tokenUri").asString().replaceAll("/0$", "");
    assertThat(directoryUri).startsWith("ipfs://bafybei");
    for (JsonNode nft : owned) {
      BigInteger tokenId = new BigInteger(nft.get("tokenId").asString());
      String onChain = CollectionAbi.tokenUri(chain, collection, tokenId);
      assertThat(onChain).startsWith(directoryUri + "/");
      assertThat(nft.get("tokenUri").asString()).isEqualTo(onChain);
      assertThat(CollectionAbi.royaltyInfo(chain, collection, tokenId, BigInteger.valueOf(10_000)))
          .isEqualTo(CollectionAbi.RoyaltyInfo.of(user.walletAddress(), 300));
      String position = onChain.substring(onChain.lastIndexOf('/') + 1);
      assertThat(nft.get("metadata").get("name").asString()).isEqualTo("Drop #" + position);
      Api.Response served = api.get("/ipfs/" + onChain.substring("ipfs://".length()), null);
      assertThat(served.json().get("name").asString()).isEqualTo("Drop #" + position);
    }
    assertThat(api.get("/api/v1/user/transactions", user.accessToken()).json().valueStream()
        .filter(tx -> tx.get("kind").asString().equals("MINT_BATCH")).count()).isEqualTo(1);
  }

  @Test
  void aDropOfSixtyItemsIsOneRequest() {
    Multipart drop = new Multipart();
    StringBuilder metadata = new StringBuilder("[");
    for (int i = 0; i < 60; i++) {
      drop.file("images", "img" + i + ".png", "image/png", TestImages.png());
      metadata.append(i == 0 ? "" : ",").append("{\"name\":\"Big drop #").append(i).append("\"}");
    }
    drop.json("metadata", metadata.append("]").toString());
    drop.field("royaltyBps", "300");
    Api.Response accepted = api.upload("/api/v1/nfts/batch", user.accessToken(), drop, null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    assertThat(accepted.json().get("items").size()).isEqualTo(60);
    awaitConfirmed(accepted.text("transactionId"));
    awaitOwnedNfts(60);
  }

  @Test
  void refusesHostileOrBrokenUploadsAndStoresNothing() {
    long mints = jdbc.sql("select count(*) from mints").query(Long.class).single();
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
    Api.Response svgUpload = api.upload("/api/v1/nfts", user.accessToken(),
        new Multipart().file("image", "x.png", "image/png", svg).json("metadata", "{\"name\":\"x\"}"), null);
    assertThat(svgUpload.status()).isEqualTo(415);
    assertThat(svgUpload.contentType()).startsWith("application/problem+json");

    assertThat(api.mint(user.accessToken(), TestImages.png(), "{\"description\":\"no name\"}", null).status()).isEqualTo(400);
    assertThat(api.mint(user.accessToken(), TestImages.png(), "{\"name\":\"x\",\"image\":\"javascript:alert(1)\"}", null).status()).isEqualTo(400);
    assertThat(api.mint(user.accessToken(), TestImages.png(), "{\"name\":\"x\",\"external_url\":\"javascript:alert(1)\"}", null).status()).isEqualTo(400);
    assertThat(api.mint(user.accessToken(), TestImages.png(), "not json", null).status()).isEqualTo(400);
    assertThat(api.mint(user.accessToken(), TestImages.png(), "{\"name\":\"nul\\u0000byte\"}", null).status()).isEqualTo(400);
    assertThat(api.mint(user.accessToken(), TestImages.png(), "{\"name\":\"evil\\u202egnp.exe\"}", null).status()).isEqualTo(400);
    assertThat(api.mint(user.accessToken(), TestImages.png(), "[".repeat(5000), null).status()).isEqualTo(400);
    assertThat(api.upload("/api/v1/nfts", user.accessToken(), new Multipart().json("metadata", "{\"name\":\"x\"}"), null).status()).isEqualTo(400);

    Multipart badDrop = new Multipart().file("images", "a.png", "image/png", TestImages.png()).file("images", "b.png", "image/png", TestImages.png())
        .json("metadata", "[{\"name\":\"ok\"},{\"nope\":1}]");
    Api.Response drop = api.upload("/api/v1/nfts/batch", user.accessToken(), badDrop, null);
    assertThat(drop.status()).isEqualTo(400);
    assertThat(drop.text("detail")).contains("item 1");

    assertThat(jdbc.sql("select count(*) from mints").query(Long.class).single()).isEqualTo(mints);
    assertThat(api.get("/api/v1/user/transactions", user.accessToken()).json().size()).isZero();
  }

  @Test
  void aRoyaltyAboveTheMarketsCapOrNotAWholeNumberIsRefusedAndNothingIsStored() {
    long mints = jdbc.sql("select count(*) from mints").query(Long.class).single();
    for (String rate : new String[] {"1001", "-1", "2.5", "five", "99999999999"}) {
      Multipart body = new Multipart().file("image", "image.png", "image/png", TestImages.png()).json("metadata", "{\"name\":\"Greedy\"}")
          .field("royaltyBps", rate);
      Api.Response refused = api.upload("/api/v1/nfts", user.accessToken(), body, null);
      assertThat(refused.status()).as(rate).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.text("type")).endsWith("/invalid-royalty");
      assertThat(refused.json().get("maxRoyaltyBps").asInt()).isEqualTo(1000);
    }
    assertThat(jdbc.sql("select count(*) from mints").query(Long.class).single()).isEqualTo(mints);
  }

  @Test
  void mintsIntoTheSharedCollectionOfTheChainTheRequestNames() {
    Chains.Chain layer2 = chains.all().stream().filter(c -> c != chains.defaultChain()).findFirst().orElseThrow();
    long layer2Id = layer2.properties().id();
    Multipart body = new Multipart().file("image", "image.png", "image/png", TestImages.png()).json("metadata", "{\"name\":\"Low fees\"}")
        .field("chainId", Long.toString(layer2Id));
    Api.Response accepted = api.upload("/api/v1/nfts", user.accessToken(), body, null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    awaitConfirmed(accepted.text("transactionId"));
    assertThat(api.get("/api/v1/transactions/" + accepted.text("transactionId"), user.accessToken()).json().get("chainId").asLong()).isEqualTo(layer2Id);

    JsonNode nft = awaitOwnedNfts(1).get(0);
    String collection = chainContracts.find(layer2.id()).orElseThrow().collection().address().checksummed();
    assertThat(nft.get("chainId").asLong()).isEqualTo(layer2Id);
    assertThat(nft.get("contract").asString()).isEqualTo(collection);
    BigInteger tokenId = new BigInteger(nft.get("tokenId").asString());
    // the layer 2's own answers
    assertThat(CollectionAbi.ownerOf(layer2.client(), collection, tokenId)).isEqualToIgnoringCase(user.walletAddress());
    assertThat(CollectionAbi.royaltyInfo(layer2.client(), collection, tokenId, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(user.walletAddress(), 500));
    JsonNode details = api.get("/api/v1/nfts/" + layer2Id + "/" + collection + "/" + tokenId, null).json();
    assertThat(details.get("royalty").get("receiver").asString()).as("read from the layer 2").isEqualTo(user.walletAddress());
    assertThat(details.get("mint").get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).as("nothing sent on the layer 1").isZero();
  }

  @Test
  void aMintOnAChainThatIsNotOursIsRefusedAndNothingIsStored() {
    long mints = jdbc.sql("select count(*) from mints").query(Long.class).single();
    for (String chainId : new String[] {"1", "84532", "31337x", ""}) {
      Multipart body = new Multipart().file("image", "image.png", "image/png", TestImages.png()).json("metadata", "{\"name\":\"Elsewhere\"}")
          .field("chainId", chainId);
      Api.Response refused = api.upload("/api/v1/nfts", user.accessToken(), body, null);
      if (chainId.isEmpty()) {
        assertThat(refused.status()).as("no chain named: the default chain").isEqualTo(202);
        mints++;
        continue;
      }
      assertThat(refused.status()).as(chainId).isEqualTo(400);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.text("type")).endsWith("/invalid-mint-target");
      assertThat(refused.text("detail")).contains("31337", "845337");
    }
    assertThat(jdbc.sql("select count(*) from mints").query(Long.class).single()).isEqualTo(mints);
  }

  @Test
  void anUnknownNftIsNotFound() {
    String collection = contracts.collection().address().checksummed();
    assertThat(api.get("/api/v1/nfts/31337/" + collection + "/999999999", null).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/nfts/31337/not-an-address/1", null).status()).isEqualTo(404);
  }
}
