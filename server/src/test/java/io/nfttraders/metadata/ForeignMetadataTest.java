package io.nfttraders.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.ForeignTokens;
import io.nfttraders.support.MarketplaceTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Metadata of tokens minted elsewhere is hostile input from the whole internet. Against a hostile
 * server started here (the specs' server may read from 127.0.0.2 only): nothing is fetched from
 * inside our network, however it is reached; no fetch outlives its deadline or reads past its
 * size; broken documents show as broken with their reason; text stays text; and the good
 * documents around them are read all the same. Tokens are OpenZeppelin's, minted by a stranger.
 */
@MarketplaceTest
class ForeignMetadataTest {

  private static final Duration READ = Duration.ofSeconds(60);
  private static HostileMetadataServer hostile;

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;
  ForeignTokens foreign;

  @BeforeAll
  static void startHostileServer() throws Exception {
    hostile = new HostileMetadataServer();
  }

  @AfterAll
  static void stopHostileServer() {
    hostile.close();
  }

  @BeforeEach
  void setUp() {
    api = new Api(port);
    foreign = new ForeignTokens(chain);
  }

  @Test
  void hostileServersGetNothingFromInsideAndHoldNoFetchPastItsLimitsWhileGoodDocumentsAreRead() throws Exception {
    Address nfts = foreign.erc721WithUris();
    String holder = "0x00000000000000000000000000000000000a11ce";
    Map<Long, String> paths = Map.of(1L, "/trickle", 2L, "/huge", 3L, "/to-inside", 4L, "/to-metadata-service", 5L, "/to-localhost",
        6L, "/invalid", 7L, "/deep", 8L, "/script", 9L, "/calm.json");
    // the trickle first: the others must not wait for it
    for (long id = 1; id <= 9; id++) {
      foreign.mint721(nfts, holder, id, hostile.url(paths.get(id)));
    }

    JsonNode calm = awaitState(nfts, 9, "FETCHED");
    assertThat(nft(nfts, 1).get("metadataFetch").get("state").asString()).as("the trickle, still being read: it held up nothing").isEqualTo("PENDING");
    assertThat(calm.get("metadata").get("name").asString()).isEqualTo("Calm <b>Harbour</b>");
    assertThat(calm.get("metadata").get("attributes").toString()).contains("Mood", "calm", "Boats", "3");
    String image = calm.get("metadata").get("image").asString();
    assertThat(image).startsWith("/ipfs/");
    assertThat(get(image).body()).as("the image, copied into our store").isEqualTo(HostileMetadataServer.ART);

    for (long id : new long[] {3, 4, 5}) {
      assertThat(awaitState(nfts, id, "BROKEN").get("metadataFetch").get("problem").asString()).as(paths.get(id)).contains("refused");
    }
    assertThat(hostile.insideHits.get()).as("requests that reached the service inside").isZero();
    assertThat(awaitState(nfts, 2, "BROKEN").get("metadataFetch").get("problem").asString()).contains("more than 262144 bytes");
    assertThat(hostile.hugeBytesSent.get()).as("of the gigabyte, what was sent before we hung up").isLessThan(64L << 20);
    assertThat(awaitState(nfts, 6, "BROKEN").get("metadataFetch").get("problem").asString()).contains("not valid JSON");
    assertThat(awaitState(nfts, 7, "BROKEN").get("metadataFetch").get("problem").asString()).contains("not valid JSON");
    assertThat(awaitState(nfts, 1, "BROKEN").get("metadataFetch").get("problem").asString()).contains("within");
    JsonNode script = awaitState(nfts, 8, "FETCHED");
    assertThat(script.get("metadata").get("name").asString()).as("kept as text").isEqualTo("<img src=x onerror=alert(1)>");
    assertThat(script.get("metadata").hasNonNull("image")).isFalse();
    assertThat(script.get("metadataFetch").get("problem").asString()).contains("image refused: a URI of scheme 'javascript'");

    // indexing went on: a token minted now is indexed and read like the first good one
    foreign.mint721(nfts, holder, 10, dataUri("{\"name\": \"Written on chain\"}"));
    assertThat(awaitState(nfts, 10, "FETCHED").get("metadata").get("name").asString()).isEqualTo("Written on chain");
  }

  @Test
  void eip4906UpdatesAndTheRefreshCommandReadMetadataAgainAndAnErc1155ReplacesItsIdPlaceholder() {
    Address nfts = foreign.erc721WithUris();
    String holder = "0x00000000000000000000000000000000000b0b00";
    foreign.mint721(nfts, holder, 1, hostile.url("/stormy.json"));
    assertThat(awaitState(nfts, 1, "FETCHED").get("metadata").get("name").asString()).isEqualTo("Stormy Harbour");
    foreign.setTokenUri(nfts, 1, hostile.url("/calm.json"));
    await().atMost(READ).until(() -> name(nfts, 1).equals("Calm <b>Harbour</b>"));

    Api.Session user = api.newUser();
    String refresh = "/api/v1/nfts/" + contracts.chainId() + "/" + nfts.checksummed() + "/1/metadata/refresh";
    assertThat(api.post(refresh, "", null).status()).as("signed in only").isEqualTo(401);
    assertThat(api.post(refresh, "", user.accessToken()).status()).isEqualTo(202);
    Api.Response again = api.post(refresh, "", user.accessToken());
    assertThat(again.status()).isEqualTo(429);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("retryAfterSeconds").asLong()).isBetween(1L, 60L);
    Api.Response ours = api.post("/api/v1/nfts/" + contracts.chainId() + "/" + contracts.collection().address().checksummed() + "/1/metadata/refresh", "",
        user.accessToken());
    assertThat(ours.status()).as("our own tokens' metadata is what they were minted with").isEqualTo(404);

    Address editions = foreign.erc1155WithUri();
    foreign.setUri(editions, hostile.url("/editions/{id}.json"));
    foreign.mint1155(editions, holder, 42, 5);
    String id = "000000000000000000000000000000000000000000000000000000000000002a";
    assertThat(awaitState(editions, 42, "FETCHED").get("metadata").get("name").asString()).isEqualTo("Edition " + id);
    foreign.setUri(editions, hostile.url("/stormy.json?{id}"));
    await().atMost(READ).until(() -> name(editions, 42).equals("Stormy Harbour"));
  }

  private JsonNode awaitState(Address contract, long tokenId, String state) {
    await().atMost(READ).until(() -> {
      JsonNode fetch = nft(contract, tokenId).get("metadataFetch");
      return fetch != null && !fetch.isNull() && state.equals(fetch.get("state").asString());
    });
    return nft(contract, tokenId);
  }

  /** The name the token's page shows now; "" before there is one. */
  private String name(Address contract, long tokenId) {
    JsonNode name = nft(contract, tokenId).path("metadata").path("name");
    return name.isString() ? name.asString() : "";
  }

  private JsonNode nft(Address contract, long tokenId) {
    String query = "{ nft(collection: \"" + contract.checksummed() + "\", tokenId: \"" + tokenId
        + "\") { metadata { name image attributes { traitType value } } metadataFetch { state problem } } }";
    JsonNode data = api.post("/graphql", Api.JSON.writeValueAsString(Map.of("query", query)), null).json().get("data").get("nft");
    return data == null || data.isNull() ? Api.JSON.createObjectNode() : data;
  }

  private static String dataUri(String json) {
    return "data:application/json;base64," + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private HttpResponse<byte[]> get(String path) throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
