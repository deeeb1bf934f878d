package io.nfttraders.ethereum;

import java.math.BigInteger;

/** The range of the EVM's word: amounts and token ids are uint256. */
final class Uint256 {

  static final BigInteger MAX = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  private Uint256() {}

  static boolean holds(BigInteger value) {
    return value.signum() >= 0 && value.compareTo(MAX) <= 0;
  }
}
