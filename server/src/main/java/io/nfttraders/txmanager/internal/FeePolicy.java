package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.FeeQuote;
import java.math.BigInteger;
import org.springframework.stereotype.Component;

/** How much we offer per gas: the market's quote, never above the configured cap. */
@Component
class FeePolicy {

  private final TxManagerProperties properties;

  FeePolicy(TxManagerProperties properties) {
    this.properties = properties;
  }

  /** The quote clamped to the cap (a transaction priced at the cap still lands once the base fee falls below it). */
  FeeQuote capped(FeeQuote quote) {
    BigInteger cap = properties.maxFeePerGasWei();
    BigInteger maxFee = quote.maxFeePerGas().min(cap);
    return new FeeQuote(quote.maxPriorityFeePerGas().min(maxFee), maxFee);
  }

  /**
   * Fees for a replacement: at least the configured bump over the previous version (nodes refuse
   * less), at least the market, never above the cap.
   */
  FeeQuote replacing(FeeQuote previous, FeeQuote market) {
    BigInteger tip = bump(previous.maxPriorityFeePerGas()).max(market.maxPriorityFeePerGas());
    BigInteger maxFee = bump(previous.maxFeePerGas()).max(market.maxFeePerGas()).max(tip);
    return capped(new FeeQuote(tip, maxFee));
  }

  /** A replacement is only worth sending if the node can accept it: both fees raised by the full bump. */
  boolean isValidReplacement(FeeQuote previous, FeeQuote next) {
    return next.maxFeePerGas().compareTo(bump(previous.maxFeePerGas())) >= 0
        && next.maxPriorityFeePerGas().compareTo(bump(previous.maxPriorityFeePerGas())) >= 0;
  }

  private BigInteger bump(BigInteger fee) {
    return fee.multiply(BigInteger.valueOf(100L + properties.feeBumpPercent())).divide(BigInteger.valueOf(100)).add(BigInteger.ONE);
  }
}
