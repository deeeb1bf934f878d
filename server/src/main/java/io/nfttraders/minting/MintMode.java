package io.nfttraders.minting;

public enum MintMode {
  /** The user's custodial key signs the mint and pays its gas. */
  USER_SIGNED,
  /** The platform wallet signs and pays, minting to the user's address. */
  SPONSORED
}
