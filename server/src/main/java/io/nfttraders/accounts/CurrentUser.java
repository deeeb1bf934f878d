package io.nfttraders.accounts;

import io.nfttraders.ethereum.Address;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;

/** Who is calling: the user id carried as the access token's subject. */
public final class CurrentUser {

  /** Where a GraphQL request over WebSocket finds its caller's id (authenticated in graphql-ws connection_init). */
  public static final String GRAPHQL_CONTEXT_KEY = "nft.currentUser";
  /** The access token's claim with a self-custody account's address. */
  public static final String ADDRESS_CLAIM = "address";

  private CurrentUser() {}

  /**
   * A self-custody account's own address, from its access token; empty for a custodial account.
   * What such an account signs must be signed by this address.
   */
  public static Optional<Address> selfCustodyAddress(Authentication authentication) {
    if (authentication.getPrincipal() instanceof Jwt jwt && jwt.getClaimAsString(ADDRESS_CLAIM) instanceof String address) {
      return Optional.of(Address.of(address));
    }
    return Optional.empty();
  }

  public static UUID id(Authentication authentication) {
    if (authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null) {
      return UUID.fromString(jwt.getSubject());
    }
    throw new IllegalStateException("not authenticated with an access token");
  }
}
