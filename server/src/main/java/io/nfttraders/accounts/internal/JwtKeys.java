package io.nfttraders.accounts.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.nfttraders.custody.SecretSealer;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The RS256 key pair that signs access tokens. Generated once, stored only sealed under the
 * key-encryption key, so tokens stay valid across restarts and across instances on one database.
 */
final class JwtKeys {

  private static final Logger log = LoggerFactory.getLogger(JwtKeys.class);
  private static final String PURPOSE = "nft-traders/jwt-signing-key/v1";

  private JwtKeys() {}

  static RSAKey loadOrCreate(JdbcClient jdbc, SecretSealer sealer) {
    var sealed = jdbc.sql("select sealed_jwk from jwt_signing_keys order by created_at desc limit 1").query(byte[].class).optional();
    if (sealed.isPresent()) {
      return parse(sealer.open(sealed.get(), PURPOSE));
    }
    RSAKey key = generate();
    jdbc.sql("insert into jwt_signing_keys (kid, sealed_jwk) values (:kid, :sealed)")
        .param("kid", key.getKeyID())
        .param("sealed", sealer.seal(key.toJSONString().getBytes(StandardCharsets.UTF_8), PURPOSE))
        .update();
    log.info("generated JWT signing key kid={}", key.getKeyID());
    return key;
  }

  static JWKSet publicSet(RSAKey key) {
    return new JWKSet(key.toPublicJWK());
  }

  private static RSAKey generate() {
    try {
      return new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate JWT signing key", e);
    }
  }

  private static RSAKey parse(byte[] json) {
    try {
      return RSAKey.parse(new String(json, StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new IllegalStateException("stored JWT signing key is unreadable", e);
    }
  }
}
