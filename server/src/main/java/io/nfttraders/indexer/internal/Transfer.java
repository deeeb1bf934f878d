package io.nfttraders.indexer.internal;

import java.math.BigInteger;

/** One token moving, decoded from a Transfer log or one position of a ConsecutiveTransfer range. Addresses lower-case. */
record Transfer(String contract, BigInteger tokenId, String from, String to, long blockNumber, String blockHash, int logIndex, int subIndex,
    String transactionHash) {

  static final String ZERO = "0x0000000000000000000000000000000000000000";

  boolean isMint() {
    return from.equals(ZERO);
  }

  boolean isBurn() {
    return to.equals(ZERO);
  }
}
