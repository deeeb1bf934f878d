package io.nfttraders.accounts.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Opaque, single-use refresh tokens. Only their SHA-256 is stored. Each use spends the token and
 * issues its successor in the same family; presenting a spent token means it was stolen (or
 * replayed), so the whole family is revoked.
 */
@Component
class RefreshTokens {

  private static final Logger log = LoggerFactory.getLogger(RefreshTokens.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  record Issued(String token, Instant expiresAt) {}

  record Spent(UUID userId, UUID familyId) {}

  private final JdbcClient jdbc;
  private final AuthProperties properties;
  private final Clock clock;

  RefreshTokens(JdbcClient jdbc, AuthProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  Issued issue(UUID userId, UUID familyId) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(properties.refreshTokenTtl());
    jdbc.sql("""
            insert into refresh_tokens (id, family_id, user_id, token_hash, issued_at, expires_at)
            values (:id, :family, :user, :hash, :issued, :expires)
            """)
        .param("id", UUID.randomUUID())
        .param("family", familyId)
        .param("user", userId)
        .param("hash", hash(token))
        .param("issued", Timestamp.from(now))
        .param("expires", Timestamp.from(expiresAt))
        .update();
    return new Issued(token, expiresAt);
  }

  /**
   * Spends a token (row-locked, so two concurrent refreshes cannot both succeed). Must run in a
   * transaction that commits even when it throws: a detected reuse revokes the family.
   */
  Spent spend(String token) {
    record Row(UUID id, UUID family, UUID user, Instant expires, boolean used, boolean revoked) {}
    Row row = jdbc.sql("""
            select id, family_id, user_id, expires_at, used_at is not null, revoked_at is not null
            from refresh_tokens where token_hash = :hash for update
            """)
        .param("hash", hash(token))
        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
            rs.getTimestamp(4).toInstant(), rs.getBoolean(5), rs.getBoolean(6)))
        .optional()
        .orElseThrow(() -> new AuthProblems.InvalidRefreshToken("Unknown refresh token"));
    if (row.revoked()) {
      throw new AuthProblems.InvalidRefreshToken("This session was ended; log in again");
    }
    if (row.used()) {
      revokeFamily(row.family());
      log.warn("refresh token reuse detected userId={} familyId={}; family revoked", row.user(), row.family());
      throw new AuthProblems.InvalidRefreshToken("Refresh token already used; all sessions of this login were revoked");
    }
    if (row.expires().isBefore(clock.instant())) {
      throw new AuthProblems.InvalidRefreshToken("Refresh token expired; log in again");
    }
    jdbc.sql("update refresh_tokens set used_at = :now where id = :id").param("now", Timestamp.from(clock.instant())).param("id", row.id()).update();
    return new Spent(row.user(), row.family());
  }

  /** The owner of a live or spent token, without spending it (logout checks ownership first). */
  java.util.Optional<Spent> peek(String token) {
    return jdbc.sql("select user_id, family_id from refresh_tokens where token_hash = :hash")
        .param("hash", hash(token))
        .query((rs, n) -> new Spent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .optional();
  }

  void revokeFamily(UUID familyId) {
    jdbc.sql("update refresh_tokens set revoked_at = :now where family_id = :family and revoked_at is null")
        .param("now", Timestamp.from(clock.instant()))
        .param("family", familyId)
        .update();
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
