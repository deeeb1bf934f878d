package io.nfttraders.ethereum;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An EIP-155 chain id: positive, and at most the largest EIP-2294 allows, so that every signature's
 * {@code v} (35 + 2 × id + 1) still fits in 64 bits.
 */
public record ChainId(@JsonValue long value) {

  public static final long MAX = Long.MAX_VALUE / 2 - 36;

  public ChainId {
    if (value <= 0 || value > MAX) {
      throw new IllegalArgumentException("a chain id is between 1 and " + MAX + ", was " + value);
    }
  }

  public static ChainId of(long value) {
    return new ChainId(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
