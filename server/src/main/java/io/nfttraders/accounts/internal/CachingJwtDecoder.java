package io.nfttraders.accounts.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers access tokens already verified, until they expire. Verifying an RS256 signature costs
 * tens of microseconds, a good share of a small request such as a bid, and a client sends the same
 * token with every request for its whole life. A token is immutable, so a verified one stays valid
 * until its expiry, which is checked on every hit; revocation does not apply to access tokens
 * (they are short-lived by design). The cache is bounded: when full it is emptied and refills.
 */
final class CachingJwtDecoder implements JwtDecoder {

  private static final int MAX_TOKENS = 100_000;

  private final JwtDecoder verifier;
  private final Clock clock;
  private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

  CachingJwtDecoder(JwtDecoder verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt known = verified.get(token);
    if (known != null && known.getExpiresAt() != null && clock.instant().isBefore(known.getExpiresAt())) {
      return known;
    }
    if (known != null) {
      verified.remove(token);
    }
    Jwt jwt = verifier.decode(token);
    if (jwt.getExpiresAt() != null) {
      if (verified.size() >= MAX_TOKENS) {
        verified.clear();
      }
      verified.put(token, jwt);
    }
    return jwt;
  }
}
