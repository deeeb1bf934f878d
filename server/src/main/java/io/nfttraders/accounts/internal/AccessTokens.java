package io.nfttraders.accounts.internal;

import com.nimbusds.jose.jwk.RSAKey;
import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.accounts.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Issues RS256 access tokens: subject = user id, roles claim, short expiry. */
@Component
class AccessTokens {

  private final JwtEncoder encoder;
  private final RSAKey key;
  private final AuthProperties properties;
  private final Clock clock;

  AccessTokens(JwtEncoder encoder, RSAKey key, AuthProperties properties, Clock clock) {
    this.encoder = encoder;
    this.key = key;
    this.properties = properties;
    this.clock = clock;
  }

  /** @param address a self-custody account's own address (lower-case), carried as a claim; null for a custodial one */
  String issue(UUID userId, Role role, @Nullable String address) {
    return issue(userId, role, address, clock.instant(), clock.instant().plus(properties.accessTokenTtl()));
  }

  String issue(UUID userId, Role role, Instant issuedAt, Instant expiresAt) {
    return issue(userId, role, null, issuedAt, expiresAt);
  }

  private String issue(UUID userId, Role role, @Nullable String address, Instant issuedAt, Instant expiresAt) {
    JwtClaimsSet.Builder builder = JwtClaimsSet.builder();
    if (address != null) {
      builder.claim(CurrentUser.ADDRESS_CLAIM, address);
    }
    JwtClaimsSet claims = builder
        .issuer(properties.issuer())
        .subject(userId.toString())
        .id(UUID.randomUUID().toString())
        .issuedAt(issuedAt)
        .expiresAt(expiresAt)
        .claim("roles", List.of(role.name()))
        .build();
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }
}
