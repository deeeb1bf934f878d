package io.nfttraders.auctions.internal;

import io.nfttraders.custody.SecretSealer;
import io.nfttraders.platform.AddressGuard;
import io.nfttraders.platform.AddressRefused;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Users' webhooks: where their notifications are POSTed. Each gets a random secret, shown once at
 * registration and stored only sealed under the key-encryption key; receivers check our
 * HMAC-SHA256 signature with it. Addresses inside our network (every special-purpose range the
 * {@link AddressGuard} refuses) are refused unless allowed.
 */
@Component
class Webhooks {

  static final String SEAL_PURPOSE = "webhook-secret";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** @param secret the signing secret: returned at registration only */
  record Registered(UUID id, String url, Instant createdAt, @Nullable String secret) {}

  private final JdbcClient jdbc;
  private final SecretSealer sealer;
  private final AddressGuard guard;
  private final Clock clock;

  Webhooks(JdbcClient jdbc, SecretSealer sealer, WebhookProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.sealer = sealer;
    this.guard = properties.guard();
    this.clock = clock;
  }

  Registered register(UUID user, @Nullable String url) {
    URI target = checkedUrl(url);
    byte[] secretBytes = new byte[32];
    RANDOM.nextBytes(secretBytes);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql("insert into webhooks (id, user_id, url, secret_sealed, created_at) values (:id, :user, :url, :secret, :now)")
        .param("id", id).param("user", user).param("url", target.toString())
        .param("secret", sealer.seal(secret.getBytes(StandardCharsets.UTF_8), SEAL_PURPOSE)).param("now", Timestamp.from(now))
        .update();
    return new Registered(id, target.toString(), now, secret);
  }

  List<Registered> of(UUID user) {
    return jdbc.sql("select id, url, created_at from webhooks where user_id = :user and deleted_at is null order by created_at")
        .param("user", user)
        .query((rs, n) -> new Registered(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant(), null))
        .list();
  }

  boolean delete(UUID user, UUID id) {
    return jdbc.sql("update webhooks set deleted_at = :now where id = :id and user_id = :user and deleted_at is null")
        .param("now", Timestamp.from(clock.instant())).param("id", id).param("user", user).update() == 1;
  }

  /**
   * An http(s) URL whose host resolves only to addresses the guard allows. This check at
   * registration tells the user early; what protects us is the check on every delivery's connection.
   */
  URI checkedUrl(@Nullable String url) {
    return checkedUrl(url, guard);
  }

  static URI checkedUrl(@Nullable String url, AddressGuard guard) {
    URI uri = wellFormedUrl(url);
    try {
      guard.resolve(uri.getHost());
    } catch (AddressRefused e) {
      // the range, not the address: a user must not learn what our internal names resolve to
      throw new AuctionProblems.InvalidWebhook("the url's host is inside a private network or special-purpose range: " + e.reason());
    } catch (UnknownHostException e) {
      throw new AuctionProblems.InvalidWebhook("the url's host does not resolve");
    }
    return uri;
  }

  /** An http(s)://host/path URL without credentials or fragment; its host is not looked up. */
  static URI wellFormedUrl(@Nullable String url) {
    if (url != null && !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      // a URL is ASCII (RFC 3986): other characters are percent-encoded, an internationalised host punycoded
      throw new AuctionProblems.InvalidWebhook("the url must be ASCII, without spaces or control characters (percent-encode the rest)");
    }
    URI uri;
    try {
      uri = URI.create(String.valueOf(url).strip());
    } catch (IllegalArgumentException e) {
      throw new AuctionProblems.InvalidWebhook("the url is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
      throw new AuctionProblems.InvalidWebhook("the url must be http(s)://host/path, without credentials or fragment");
    }
    if (uri.toString().length() > 2_000) {
      throw new AuctionProblems.InvalidWebhook("the url is longer than 2,000 characters");
    }
    return uri;
  }

  byte[] secret(byte[] sealed) {
    return sealer.open(sealed, SEAL_PURPOSE);
  }
}
