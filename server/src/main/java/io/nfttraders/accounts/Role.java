package io.nfttraders.accounts;

/** What a user may do; carried in the access token's "roles" claim. */
public enum Role {
  USER,
  ADMIN,
  /** Signed in with their own Ethereum key (SIWE): signs their own orders and bids, has no custodial wallet. */
  SELF_CUSTODY
}
