package io.nfttraders.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every client mistake gets a precise problem+json 4xx and leaves stored data untouched. */
@MarketplaceTest
class AuthProblemsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  private long users() {
    return jdbc.sql("select count(*) from users").query(Long.class).single();
  }

  private void assertProblem(Api.Response r, int status, String type) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text("type")).endsWith("/" + type);
    assertThat(r.json().get("status").asInt()).isEqualTo(status);
  }

  @Test
  void rejectsADuplicateEmailCaseInsensitively() {
    Api.Session existing = api.newUser();
    long before = users();
    Api.Response r = api.postJson("/api/v1/auth/signup", Map.of("email", existing.email().toUpperCase(), "password", "another good passphrase"), null);
    assertProblem(r, 409, "email-already-registered");
    assertThat(users()).isEqualTo(before);
  }

  @Test
  void rejectsWeakPasswords() {
    long before = users();
    assertProblem(api.postJson("/api/v1/auth/signup", Map.of("email", "weak@example.com", "password", "short"), null), 400, "weak-password");
    assertProblem(api.postJson("/api/v1/auth/signup", Map.of("email", "weak@example.com", "password", "password123"), null), 400, "weak-password");
    assertProblem(api.postJson("/api/v1/auth/signup", Map.of("email", "weak@example.com", "password", "aaaaaaaaaaaaaaaa"), null), 400, "weak-password");
    assertThat(users()).isEqualTo(before);
  }

  @Test
  void rejectsAnInvalidEmail() {
    assertProblem(api.postJson("/api/v1/auth/signup", Map.of("email", "not-an-email", "password", "a fine passphrase"), null), 400, "invalid-email");
    assertProblem(api.postJson("/api/v1/auth/signup", Map.of("email", "nul\u0000@example.com", "password", "a fine passphrase"), null), 400, "invalid-email");
    assertProblem(api.postJson("/api/v1/auth/login", Map.of("email", "nul\u0000@example.com", "password", "a fine passphrase"), null), 400, "invalid-email");
  }

  @Test
  void rejectsTextNoHashOrAccountShouldHold() {
    long before = users();
    // lone surrogates are written as JSON escapes: Java's JSON writers refuse to write them
    assertProblem(api.post("/api/v1/auth/signup", "{\"email\":\"lone@example.com\",\"password\":\"a long passphrase\\ud800\"}", null), 400,
        "invalid-password");
    assertProblem(api.post("/api/v1/auth/signup", "{\"email\":\"nul@example.com\",\"password\":\"a long passphrase\\u0000\"}", null), 400,
        "invalid-password");
    assertProblem(api.post("/api/v1/auth/login", "{\"email\":\"lone@example.com\",\"password\":\"\\ud800\"}", null), 400, "invalid-password");
    assertProblem(api.post("/api/v1/auth/signup", "{\"email\":\"trailing@example.com\\u0000\",\"password\":\"a long passphrase\"}", null), 400,
        "invalid-email");
    assertProblem(api.post("/api/v1/auth/signup", "{\"email\":\"surrogate\\ud800@example.com\",\"password\":\"a long passphrase\"}", null), 400,
        "invalid-email");
    assertThat(users()).isEqualTo(before);
  }

  @Test
  void rejectsMalformedJsonAndMissingFields() {
    long before = users();
    assertProblem(api.post("/api/v1/auth/signup", "{\"email\": ", null), 400, "malformed-request");
    assertProblem(api.post("/api/v1/auth/signup", "[1,2]", null), 400, "malformed-request");
    Api.Response missing = api.post("/api/v1/auth/signup", "{\"email\":\"x@example.com\"}", null);
    assertProblem(missing, 400, "invalid-request");
    assertThat(missing.json().get("errors").toString()).contains("password");
    assertThat(users()).isEqualTo(before);
  }

  @Test
  void answersFrameworkErrorsWithAStableProblemType() {
    Api.Session session = api.newUser();
    Api.Response wrongMethod = api.send(api.request("/api/v1/user/profile", session.accessToken()).header("Content-Type", "application/json")
        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
    assertProblem(wrongMethod, 405, "method-not-allowed");
    Api.Response wrongType = api.send(api.request("/api/v1/auth/signup", null).header("Content-Type", "text/plain")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("hi")));
    assertProblem(wrongType, 415, "unsupported-media-type");
  }

  @Test
  void rejectsOversizedBodies() {
    long before = users();
    String huge = "{\"email\":\"big@example.com\",\"password\":\"" + "x".repeat(200_000) + "\"}";
    assertProblem(api.post("/api/v1/auth/signup", huge, null), 413, "body-too-large");
    assertThat(users()).isEqualTo(before);
  }

  @Test
  void rejectsAnOversizedChunkedBody() {
    byte[] huge = ("{\"email\":\"big@example.com\",\"password\":\"" + "x".repeat(200_000) + "\"}").getBytes();
    Api.Response r = api.send(api.request("/api/v1/auth/signup", null)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(huge))));
    assertProblem(r, 413, "body-too-large");
  }

  @Test
  void rejectsBadCredentialsWithoutRevealingWhichPartIsWrong() {
    Api.Session session = api.newUser();
    Api.Response wrongPassword = api.postJson("/api/v1/auth/login", Map.of("email", session.email(), "password", "wrong password!"), null);
    Api.Response unknownUser = api.postJson("/api/v1/auth/login", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com", "password", "wrong password!"), null);
    assertProblem(wrongPassword, 401, "invalid-credentials");
    assertProblem(unknownUser, 401, "invalid-credentials");
    assertThat(wrongPassword.text("detail")).isEqualTo(unknownUser.text("detail"));
  }

  @Test
  void parallelGuessesCannotSlipPastTheThrottle() throws Exception {
    Api.Session session = api.newUser();
    java.util.List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
      for (int i = 0; i < 12; i++) {
        int guess = i;
        answers.add(pool.submit(() -> api.postJson("/api/v1/auth/login", Map.of("email", session.email(), "password", "parallel guess " + guess), null).status()));
      }
    }
    long checked = 0;
    for (var answer : answers) {
      checked += answer.get() == 401 ? 1 : 0;
    }
    assertThat(checked).as("passwords actually checked").isEqualTo(5);
  }

  @Test
  void throttlesPasswordGuessing() {
    Api.Session session = api.newUser();
    for (int i = 0; i < 5; i++) {
      assertThat(api.postJson("/api/v1/auth/login", Map.of("email", session.email(), "password", "guess number " + i), null).status()).isEqualTo(401);
    }
    Api.Response throttled = api.postJson("/api/v1/auth/login", Map.of("email", session.email(), "password", session.password()), null);
    assertProblem(throttled, 429, "too-many-login-attempts");
    assertThat(throttled.json().get("retryAfterSeconds").asLong()).isPositive();
  }
}
