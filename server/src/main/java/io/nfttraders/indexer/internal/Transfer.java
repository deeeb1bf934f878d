package io.nfttraders.indexer.internal;

import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;

/**
 * One token moving, decoded from a transfer log (one position of an ERC-2309 range or of an
 * ERC-1155 batch). {@code amount} is the copies an ERC-1155 transfer moves, 1 for ERC-721.
 * Addresses lower-case.
 */
record Transfer(TokenStandard standard, String contract, BigInteger tokenId, BigInteger amount, String from, String to, long blockNumber,
    String blockHash, int logIndex, int subIndex, String transactionHash) {

  static final String ZERO = "0x0000000000000000000000000000000000000000";

  boolean isMint() {
    return from.equals(ZERO);
  }

  boolean isBurn() {
    return to.equals(ZERO);
  }
}
