package io.nfttraders.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.RawHttp;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How requests are read, as a client must send them: the exact problem each mistake gets (the
 * hostile-input suite holds every mistake to a 4xx problem; this holds each to its own), and the
 * public routes that take anyone, whatever token they carry.
 */
@MarketplaceTest
class ClientContractTest {

  /** A well-formed token this server never signed (a stale one, say). */
  private static final String STALE_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJub2JvZHkifQ.c2lnbmF0dXJl";

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void publicReadsAnswerHeadAndIgnoreAStaleToken() {
    for (String path : new String[] {"/api/v1/chains", "/api/openapi.yaml", "/api/v1/auth/siwe/nonce"}) {
      Api.Response head = api.send(api.request(path, null).method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.status()).as("HEAD " + path).isEqualTo(200);
      assertThat(head.body()).isEmpty();
      assertThat(api.get(path, STALE_TOKEN).status()).as("GET " + path + " with a stale token").isEqualTo(200);
    }
    assertThat(api.get("/actuator/health", STALE_TOKEN).status()).isEqualTo(200);
    Api.Session user = api.newUser();
    assertThat(api.postJson("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password()), STALE_TOKEN).status())
        .as("signing in again with an expired token still held").isEqualTo(200);
    assertThat(api.get("/api/v1/user/profile", STALE_TOKEN).status()).as("a route that needs a token still checks it").isEqualTo(401);
  }

  @Test
  void graphQlAnswersWhatItCannotTakeWithItsOwnProblem() {
    Api.Response notJson = api.send(api.request("/graphql", null).header("Content-Type", "application/json").header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{__typename}\"}")));
    assertProblem(notJson, 406, "not-acceptable");
    Api.Response delete = api.send(api.request("/graphql", null).DELETE());
    assertProblem(delete, 405, "method-not-allowed");
    Api.Response subscription = api.post("/graphql", "{\"query\":\"subscription { myNotifications { id } }\"}", null);
    assertThat(subscription.status()).isEqualTo(200);
    assertThat(subscription.json().get("errors").get(0).get("message").asString()).contains("WebSocket");
    assertThat(subscription.json().path("data").isMissingNode() || subscription.json().get("data").isNull()).as("nothing ran").isTrue();
  }

  @Test
  void aBodyIsReadAsItIsDeclaredAndOnlyThen() {
    assertProblem(api.send(api.request("/api/v1/auth/login", null).POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "unsupported-media-type");
    assertProblem(api.send(api.request("/api/v1/auth/login", null).header("Content-Type", "application/json").header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString("{}"))), 415, "unsupported-content-encoding");
    byte[] overlongSlash = {'{', '"', 'e', 'm', 'a', 'i', 'l', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    assertProblem(api.send(api.request("/api/v1/auth/login", null).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(overlongSlash))), 400, "malformed-body");
  }

  @Test
  void valuesAreReadStrictlyAndTheFieldIsNamed() {
    Api.Session seller = api.newUser();
    TradingFixture market = new TradingFixture(api, chain, contracts);
    String token = market.mint(seller).toString();
    String collection = market.collection();
    String auction = "{\"collection\":\"" + collection + "\",\"tokenId\":\"" + token + "\",\"type\":\"ENGLISH\",\"startPrice\":\"0.1\",";
    for (String[] wrong : new String[][] {
        {auction + "\"duration\":\"PT1H\",\"minIncrementBps\":\"100\"}", "minIncrementBps"},
        {auction + "\"duration\":\"PT1H\",\"minIncrementBps\":100.5}", "minIncrementBps"},
        {auction + "\"duration\":3600}", "duration"},
        {auction + "\"duration\":\"PT1H\",\"startsAt\":1893456000}", "startsAt"},
        {auction + "\"duration\":\"PT1H\",\"startsAt\":\"+300000-01-01T00:00:00Z\"}", "startsAt"},
        {auction + "\"duration\":\"PT1H\",\"startPrice\":\"0.2\"}", "startPrice"}}) {
      Api.Response refused = api.post("/api/v1/auctions", wrong[0], seller.accessToken());
      assertThat(refused.status()).as(wrong[0]).isEqualTo(400);
      assertThat(refused.text("detail")).as(wrong[0]).contains(wrong[1]);
    }
    assertProblem(api.post("/api/v1/auth/signup", "{\"email\":\"number@example.com\",\"password\":1234567890123}", null), 400, "malformed-request");
    assertProblem(api.get("/api/v1/user/nfts?limit=%D9%A1%D9%A2", seller.accessToken()), 400, "bad-request");
    assertThat(api.get("/api/v1/auctions/" + "x", null).status()).isEqualTo(400);
  }

  @Test
  void aClientThatAsksToWaitIsToldBeforeItSendsABodyThatWillNotBeTaken() {
    RawHttp raw = new RawHttp(port);
    byte[] tooLarge = raw.head("POST /api/v1/auth/login HTTP/1.1", "Content-Type: application/json", "Content-Length: 45000000",
        "Expect: 100-continue");
    RawHttp.Reply refused = raw.sendInPieces(Duration.ZERO, tooLarge);
    assertThat(refused.status()).as("no 100 Continue first").isEqualTo(413);

    byte[] body = "{\"email\":\"nobody@example.com\",\"password\":\"a long passphrase\"}".getBytes(StandardCharsets.US_ASCII);
    byte[] wanted = raw.head("POST /api/v1/auth/login HTTP/1.1", "Content-Type: application/json", "Content-Length: " + body.length,
        "Expect: 100-continue");
    RawHttp.Reply accepted = raw.sendInPieces(Duration.ofMillis(500), wanted, body);
    assertThat(accepted.status()).isEqualTo(100);
    assertThat(accepted.text()).startsWith("HTTP/1.1 401 ");
  }

  private static void assertProblem(Api.Response response, int status, String type) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("type")).endsWith("/" + type);
  }
}
