package io.nfttraders.accounts;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the user id carried as the access token's subject. */
public final class CurrentUser {

  /** Where a GraphQL request over WebSocket finds its caller's id (authenticated in graphql-ws connection_init). */
  public static final String GRAPHQL_CONTEXT_KEY = "nft.currentUser";

  private CurrentUser() {}

  public static UUID id(Authentication authentication) {
    if (authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
      return UUID.fromString(jwt.getSubject());
    }
    throw new IllegalStateException("not authenticated with an access token");
  }
}
