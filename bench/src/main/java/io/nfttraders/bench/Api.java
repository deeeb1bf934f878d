package io.nfttraders.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's HTTP API as a client sees it, on 127.0.0.1. Failures are exceptions: a benchmark with errors is not a result. */
final class Api {

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A signed-up, logged-in user. The access token lives 15 minutes, longer than any benchmark phase. */
  record User(String email, String accessToken, String walletAddress) {}

  record Chain(long id, URI rpcUrl, String collection) {}

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

  private final String base;
  // HTTP/1.1 keep-alive, like most load generators; no h2c upgrade dance on the first requests
  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** http://127.0.0.1:port, for load generators that bring their own clients. */
  String base() {
    return base;
  }

  boolean isReady() {
    try {
      return http.send(request("/actuator/health/readiness", null).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notYet) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  User signUp() {
    return signUp("bench-" + UUID.randomUUID() + "@example.com");
  }

  /** With {@link #OPERATOR} (made ADMIN by the server options the benchmark passes), a user who may scrape metrics. */
  User signUp(String email) {
    // random, never printed: the benchmark only needs the access token
    String password = "bench passphrase " + UUID.randomUUID();
    String credentials = JSON.writeValueAsString(Map.of("email", email, "password", password));
    JsonNode signUp = expect(201, send(request("/api/v1/auth/signup", null).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(credentials))));
    JsonNode login = expect(200, send(request("/api/v1/auth/login", null).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(credentials))));
    return new User(email, login.get("accessToken").asString(), signUp.get("walletAddress").asString());
  }

  /** POST /api/v1/nfts; returns the transaction id of the accepted mint. */
  String mint(User user, Multipart body) {
    return expect(202, upload("/api/v1/nfts", user, body)).get("transactionId").asString();
  }

  /** POST /api/v1/nfts/batch; returns the transaction id of the accepted drop. */
  String mintBatch(User user, Multipart body) {
    return expect(202, upload("/api/v1/nfts/batch", user, body)).get("transactionId").asString();
  }

  /** POSTs JSON and expects {@code status}; returns the answer. */
  JsonNode post(String path, @Nullable String token, Object body, int status) {
    return expect(status, send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))));
  }

  JsonNode get(String path, @Nullable String token) {
    return expect(200, send(request(path, token).GET()));
  }

  /** Waits (up to two minutes) until the user's transaction is CONFIRMED. */
  void awaitConfirmed(User user, String transactionId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!transaction(user, transactionId).get("status").asString().equals("CONFIRMED")) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("transaction " + transactionId + " not confirmed in 2 minutes");
      }
      Thread.sleep(100);
    }
  }

  JsonNode transaction(User user, String transactionId) {
    return expect(200, send(request("/api/v1/transactions/" + transactionId, user.accessToken()).GET()));
  }

  Chain chain() {
    JsonNode chain = expect(200, send(request("/api/v1/chains", null).GET())).get(0);
    return new Chain(chain.get("id").asLong(), URI.create(chain.get("rpcUrl").asString()), chain.get("contracts").get("Collection").asString());
  }

  JsonNode nft(long chainId, String contract, java.math.BigInteger tokenId) {
    return expect(200, send(request("/api/v1/nfts/" + chainId + "/" + contract + "/" + tokenId, null).GET()));
  }

  static final String OPERATOR = "operator@bench.nfttraders.test";

  /** The Prometheus scrape (an ADMIN's token), or empty while the server is not answering yet. */
  String prometheus(String adminToken) {
    try {
      HttpResponse<String> r = http.send(request("/actuator/prometheus", adminToken).GET().build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200 ? r.body() : "";
    } catch (IOException notYet) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> upload(String path, User user, Multipart body) {
    return send(request(path, user.accessToken()).header("Content-Type", body.contentType()).POST(body.publisher()));
  }

  private HttpRequest.Builder request(String path, @Nullable String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode expect(int status, HttpResponse<String> response) {
    if (response.statusCode() != status) {
      // problem+json bodies carry no secrets; they say what went wrong
      throw new IllegalStateException(response.request().method() + " " + response.uri().getPath() + " answered " + response.statusCode()
          + " (expected " + status + "): " + abbreviate(response.body()));
    }
    return JSON.readTree(response.body());
  }

  private static String abbreviate(String body) {
    return body.length() <= 500 ? body : body.substring(0, 500) + "...";
  }
}
