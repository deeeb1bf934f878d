package io.nfttraders.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running server: tests see exactly what a client sees. */
public final class Api {

  public static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public record Response(int status, @Nullable String contentType, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }

    public String text(String field) {
      return json().get(field).asString();
    }
  }

  public record Session(UUID userId, String email, String password, String walletAddress, String accessToken, String refreshToken) {}

  private final String base;

  public Api(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  public Response get(String path, @Nullable String token) {
    return send(request(path, token).GET());
  }

  public Response post(String path, String jsonBody, @Nullable String token) {
    return send(request(path, token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  public Response postJson(String path, Object body, @Nullable String token) {
    return post(path, JSON.writeValueAsString(body), token);
  }

  public Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST /api/v1/nfts with one image and its metadata. */
  public Response mint(String token, byte[] png, String metadataJson, @Nullable String idempotencyKey) {
    return mint(token, png, metadataJson, null, idempotencyKey);
  }

  /** POST /api/v1/nfts with one image, its metadata and the creator's royalty rate (basis points; null: the default). */
  public Response mint(String token, byte[] png, String metadataJson, @Nullable String royaltyBps, @Nullable String idempotencyKey) {
    Multipart body = new Multipart().file("image", "image.png", "image/png", png).json("metadata", metadataJson);
    if (royaltyBps != null) {
      body = body.field("royaltyBps", royaltyBps);
    }
    return upload("/api/v1/nfts", token, body, idempotencyKey);
  }

  public Response upload(String path, String token, Multipart body, @Nullable String idempotencyKey) {
    HttpRequest.Builder b = request(path, token).header("Content-Type", body.contentType()).POST(body.body());
    if (idempotencyKey != null) {
      b.header("Idempotency-Key", idempotencyKey);
    }
    return send(b);
  }

  public HttpRequest.Builder request(String path, @Nullable String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  /** Signs up a fresh user and logs in. */
  public Session newUser() {
    String email = "user-" + UUID.randomUUID() + "@example.com";
    String password = "correct horse " + UUID.randomUUID();
    Response signUp = postJson("/api/v1/auth/signup", java.util.Map.of("email", email, "password", password), null);
    if (signUp.status() != 201) {
      throw new IllegalStateException("sign-up failed: " + signUp);
    }
    Response login = postJson("/api/v1/auth/login", java.util.Map.of("email", email, "password", password), null);
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login);
    }
    return new Session(UUID.fromString(signUp.text("userId")), email, password, signUp.text("walletAddress"),
        login.text("accessToken"), login.text("refreshToken"));
  }

  /** Logs the user in again (on another server of the same data, say): fresh tokens. */
  public Session login(Session user) {
    Response login = postJson("/api/v1/auth/login", java.util.Map.of("email", user.email(), "password", user.password()), null);
    if (login.status() != 200) {
      throw new IllegalStateException("login failed: " + login);
    }
    return new Session(user.userId(), user.email(), user.password(), user.walletAddress(), login.text("accessToken"), login.text("refreshToken"));
  }
}
