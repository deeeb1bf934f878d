package io.nfttraders.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.accounts.Role;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketplaceTest
class AuthorizationTest {

  @LocalServerPort int port;
  @Autowired AccessTokens accessTokens;
  @Autowired JdbcClient jdbc;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void refusesProtectedEndpointsWithoutAToken() {
    Api.Response r = api.get("/api/v1/user/profile", null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(r.text("type")).endsWith("/unauthorized");
  }

  @Test
  void graphQlOverHttpServesPublicReadsWithoutLookingAtTokensAndKeepsTheSecurityHeaders() throws Exception {
    String query = "{\"query\": \"{ openAuctions(first: 1) { id } }\"}";
    Api.Response garbageToken = api.post("/graphql", query, "not-a-token");
    assertThat(garbageToken.status()).isEqualTo(200);
    assertThat(garbageToken.body()).contains("\"data\"").doesNotContain("\"errors\"");
    assertThat(api.get("/api/v1/user/profile", "not-a-token").status()).as("the API still checks it").isEqualTo(401);
    java.net.http.HttpResponse<String> raw = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/graphql")).header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(query)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(raw.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(raw.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
  }

  @Test
  void refusesATamperedToken() {
    Api.Session session = api.newUser();
    String[] parts = session.accessToken().split("\\.");
    String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace(session.userId().toString(), java.util.UUID.randomUUID().toString()).getBytes());
    assertThat(api.get("/api/v1/user/profile", parts[0] + "." + otherPayload + "." + parts[2]).status()).isEqualTo(401);
    assertThat(api.get("/api/v1/user/profile", session.accessToken() + "x").status()).isEqualTo(401);
  }

  @Test
  void refusesAnExpiredToken() {
    Api.Session session = api.newUser();
    Instant past = Instant.now().minus(1, ChronoUnit.HOURS);
    String expired = accessTokens.issue(session.userId(), Role.USER, past, past.plusSeconds(60));
    assertThat(api.get("/api/v1/user/profile", expired).status()).isEqualTo(401);
  }

  @Test
  void aUserCannotEndAnotherUsersLogin() {
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();

    Api.Response r = api.postJson("/api/v1/auth/logout", Map.of("refreshToken", bob.refreshToken()), alice.accessToken());

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.contentType()).startsWith("application/problem+json");
    assertThat(api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", bob.refreshToken()), null).status()).isEqualTo(200);
  }

  @Test
  void reusingASpentRefreshTokenRevokesTheWholeFamily() {
    Api.Session session = api.newUser();
    Api.Response first = api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null);
    assertThat(first.status()).isEqualTo(200);

    Api.Response replay = api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null);
    assertThat(replay.status()).isEqualTo(401);
    assertThat(replay.text("type")).endsWith("/invalid-refresh-token");

    Api.Response successor = api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", first.text("refreshToken")), null);
    assertThat(successor.status()).isEqualTo(401);
  }

  @Test
  void logoutEndsTheLogin() {
    Api.Session session = api.newUser();
    assertThat(api.postJson("/api/v1/auth/logout", Map.of("refreshToken", session.refreshToken()), session.accessToken()).status()).isEqualTo(204);
    assertThat(api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null).status()).isEqualTo(401);
  }

  @Test
  void aUserIsNotAnAdmin() {
    Api.Session session = api.newUser();
    assertThat(api.get("/actuator/env", session.accessToken()).status()).isEqualTo(403);
    String admin = accessTokens.issue(session.userId(), Role.ADMIN, null);
    assertThat(api.get("/actuator/health", admin).status()).isEqualTo(200);
  }

  @Test
  void aConfiguredAdminEmailSignsUpAsAdmin() {
    Api.Response signUp = api.postJson("/api/v1/auth/signup", Map.of("email", "Admin@NFTTraders.test", "password", "the admin passphrase"), null);
    assertThat(signUp.status()).isEqualTo(201);
    String token = api.postJson("/api/v1/auth/login", Map.of("email", "admin@nfttraders.test", "password", "the admin passphrase"), null).text("accessToken");
    assertThat(api.get("/api/v1/user/profile", token).text("role")).isEqualTo("ADMIN");
  }

  @Test
  void failedAuthorizationChangesNothing() {
    long users = jdbc.sql("select count(*) from users").query(Long.class).single();
    long tokens = jdbc.sql("select count(*) from refresh_tokens where revoked_at is null").query(Long.class).single();
    api.postJson("/api/v1/auth/logout", Map.of("refreshToken", "nope"), null);
    api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", "nope"), null);
    assertThat(jdbc.sql("select count(*) from users").query(Long.class).single()).isEqualTo(users);
    assertThat(jdbc.sql("select count(*) from refresh_tokens where revoked_at is null").query(Long.class).single()).isEqualTo(tokens);
  }
}
