package io.nfttraders.support.hostile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Authorization header values that must not authenticate anyone: malformed, and well-formed JWTs signed with a key that is not the server's. */
public final class ForgedTokens {

  private ForgedTokens() {}

  /** By name, the whole header value; {@code subject} is a real user's id, so only the signature is wrong. */
  public static Map<String, String> forUser(UUID subject, String issuer) {
    Instant now = Instant.now();
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("Bearer garbage", "Bearer garbage");
    tokens.put("Bearer (empty)", "Bearer ");
    tokens.put("Bearer a.b.c", "Bearer a.b.c");
    tokens.put("Bearer of 10,000 characters", "Bearer " + "A".repeat(10_000));
    tokens.put("Bearer with a NUL", "Bearer abc\u0000def");
    tokens.put("Basic credentials", "Basic dXNlcjpwYXNzd29yZA==");
    tokens.put("a JWT with alg none", "Bearer " + unsigned(subject, issuer, now));
    tokens.put("an expired JWT signed with another key", "Bearer " + signed(subject, issuer, now.minusSeconds(7200), now.minusSeconds(3600)));
    tokens.put("a current JWT signed with another key", "Bearer " + signed(subject, issuer, now, now.plusSeconds(900)));
    return tokens;
  }

  private static String unsigned(UUID subject, String issuer, Instant now) {
    return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + base64(claims(subject, issuer, now, now.plusSeconds(900))) + ".";
  }

  private static String signed(UUID subject, String issuer, Instant issued, Instant expires) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair key = generator.generateKeyPair();
      String signingInput = base64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + UUID.randomUUID() + "\"}") + "."
          + base64(claims(subject, issuer, issued, expires));
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key.getPrivate());
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String claims(UUID subject, String issuer, Instant issued, Instant expires) {
    return "{\"iss\":\"" + issuer + "\",\"sub\":\"" + subject + "\",\"iat\":" + issued.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond()
        + ",\"role\":\"ADMIN\"}";
  }

  private static String base64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
