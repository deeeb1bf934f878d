package io.nfttraders.minting.internal;

import java.math.BigInteger;

/** Gas limits that cover the Collection contract's worst cases, so mints never wait on an estimate. */
final class CollectionGas {

  /** Measured worst case ~100,650 gas (contracts/gas/RESULTS.md), with headroom. */
  static final BigInteger MINT = BigInteger.valueOf(160_000);
  static final BigInteger GRANT_ROLE = BigInteger.valueOf(120_000);

  private CollectionGas() {}

  /** Measured worst case ~3,241 gas per token in a batch of 100 plus the transaction's base cost. */
  static BigInteger mintBatch(int count) {
    return BigInteger.valueOf(120_000L + 5_000L * count);
  }
}
