package io.nfttraders.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The access token of an {@code Authorization: Bearer <token>} header (RFC 6750: a token68). The
 * same rule as Spring's default resolver, checked by hand: the default runs a case-insensitive
 * regular expression over the whole header, which measured 12% of a bid's CPU. Tokens in query
 * parameters or form bodies are not accepted (they leak into logs).
 */
final class BearerTokens implements BearerTokenResolver {

  private static final String SCHEME = "Bearer ";

  @Override
  public @Nullable String resolve(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
      return null;
    }
    if (header.length() <= SCHEME.length() || header.charAt(SCHEME.length() - 1) != ' ' || !isToken68(header, SCHEME.length())) {
      throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
    }
    return header.substring(SCHEME.length());
  }

  /** 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
  static boolean isToken68(String value, int from) {
    int i = from;
    while (i < value.length() && isToken68Char(value.charAt(i))) {
      i++;
    }
    if (i == from) {
      return false;
    }
    while (i < value.length() && value.charAt(i) == '=') {
      i++;
    }
    return i == value.length();
  }

  private static boolean isToken68Char(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '+'
        || c == '/';
  }
}
