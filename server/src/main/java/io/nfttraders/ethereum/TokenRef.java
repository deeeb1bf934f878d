package io.nfttraders.ethereum;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One token: of one contract, on one chain. Its id is a uint256. */
public record TokenRef(ChainId chainId, Address contract, BigInteger tokenId) {

  private static final Pattern DECIMAL_ID = Pattern.compile("[0-9]{1,78}");

  /**
   * What a URL path ({@code /{chainId}/{contract}/{tokenId}}) names, if it can name a token at all:
   * there is no such token otherwise (not an address, a negative or too long id, a chain id out of range).
   */
  public static Optional<TokenRef> fromPath(long chainId, String contract, String tokenId) {
    if (chainId <= 0 || chainId > ChainId.MAX || !DECIMAL_ID.matcher(tokenId).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TokenRef(ChainId.of(chainId), Address.parse(contract), new BigInteger(tokenId)));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // not an address, or an id beyond uint256
    }
  }

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
