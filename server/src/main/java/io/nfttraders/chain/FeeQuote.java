package io.nfttraders.chain;

import java.math.BigInteger;

/** EIP-1559 fees for a transaction to be sent now. */
public record FeeQuote(BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas) {

  /** Room for the base fee to double once (two full blocks) before the transaction stops being includable. */
  static FeeQuote from(BigInteger baseFee, BigInteger priorityFee) {
    return new FeeQuote(priorityFee, baseFee.multiply(BigInteger.TWO).add(priorityFee));
  }
}
