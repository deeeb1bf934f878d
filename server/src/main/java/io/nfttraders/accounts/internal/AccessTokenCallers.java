package io.nfttraders.accounts.internal;

import io.nfttraders.platform.SignedInCallers;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/** A caller is signed in when the request's bearer token verifies, exactly as the security chain will decide. */
@Component
class AccessTokenCallers implements SignedInCallers {

  private final BearerTokens tokens = new BearerTokens();
  private final JwtDecoder decoder;

  AccessTokenCallers(JwtDecoder decoder) {
    this.decoder = decoder;
  }

  @Override
  public boolean isSignedIn(HttpServletRequest request) {
    try {
      String token = tokens.resolve(request);
      return token != null && decoder.decode(token) != null;
    } catch (OAuth2AuthenticationException | JwtException e) {
      return false;
    }
  }
}
