package io.nfttraders.accounts;

/** What a user may do; carried in the access token's "roles" claim. */
public enum Role {
  USER,
  ADMIN
}
