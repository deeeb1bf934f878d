package io.nfttraders.ethereum;

/**
 * A string that is not an Ethereum address, or a mixed-case one whose EIP-55 checksum does not match
 * (most likely a typo). Each boundary turns it into its own problem, naming its field.
 */
public final class InvalidAddress extends IllegalArgumentException {

  private final String reason;

  InvalidAddress(String reason) {
    super(reason);
    this.reason = reason;
  }

  /** Why, in words a client can act on ("expected 0x and 40 hex digits"). */
  public String reason() {
    return reason;
  }
}
