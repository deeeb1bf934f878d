package io.nfttraders.ethereum;

import java.math.BigInteger;
import java.util.Objects;

/** One token: of one contract, on one chain. Its id is a uint256. */
public record TokenRef(ChainId chainId, Address contract, BigInteger tokenId) {

  public TokenRef {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(tokenId, "tokenId");
    if (!Uint256.holds(tokenId)) {
      throw new IllegalArgumentException("a token id is between 0 and 2^256 - 1, was " + tokenId);
    }
  }

  @Override
  public String toString() {
    return chainId + ":" + contract + ":" + tokenId;
  }
}
