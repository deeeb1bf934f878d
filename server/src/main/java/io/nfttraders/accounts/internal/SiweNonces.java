package io.nfttraders.accounts.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sign-in nonces: random, issued by us, good once and until they expire. */
@Component
class SiweNonces {

  record Issued(String nonce, Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration ttl;

  SiweNonces(JdbcClient jdbc, Clock clock, SiweProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.ttl = properties.nonceTtl();
  }

  Issued issue() {
    Instant now = clock.instant();
    // expired ones are of no use to anyone; dropping some on every issue keeps the table small
    jdbc.sql("delete from siwe_nonces where nonce in (select nonce from siwe_nonces where expires_at < :now limit 100)")
        .param("now", Timestamp.from(now)).update();
    StringBuilder nonce = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      nonce.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    Instant expiresAt = now.plus(ttl);
    jdbc.sql("insert into siwe_nonces (nonce, issued_at, expires_at) values (:nonce, :now, :expires)")
        .param("nonce", nonce.toString()).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
    return new Issued(nonce.toString(), expiresAt);
  }

  /** Uses the nonce up; false if we never issued it, it was used already or it expired. Commits with the caller's transaction. */
  boolean consume(String nonce) {
    Instant now = clock.instant();
    return jdbc.sql("update siwe_nonces set used_at = :now where nonce = :nonce and used_at is null and expires_at > :now")
        .param("now", Timestamp.from(now)).param("nonce", nonce).update() == 1;
  }
}
