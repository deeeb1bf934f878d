package io.nfttraders.minting.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The royalty of a creator's mint: their own wallet receives it, at the rate they choose up to the
 * most the exchange pays ({@code nft.market.max-royalty-bps}; the market owns that setting, and a rate
 * above it would be cut at every sale anyway).
 */
@Component
class CreatorRoyalties {

  private final int defaultBps;
  private final int maxBps;

  CreatorRoyalties(MintingProperties properties, @Value("${nft.market.max-royalty-bps:1000}") int maxBps) {
    this.defaultBps = Math.min(properties.defaultRoyaltyBps(), maxBps);
    this.maxBps = maxBps;
  }

  /** The rate a mint request asked for ({@code royaltyBps}, a whole number of basis points), or the default. */
  int rate(@Nullable String requested) {
    if (requested == null || requested.isBlank()) {
      return defaultBps;
    }
    int bps;
    try {
      bps = Integer.parseInt(requested.strip());
    } catch (NumberFormatException e) {
      throw new MintProblems.InvalidRoyalty("royaltyBps must be a whole number of basis points, was '" + requested + "'", maxBps);
    }
    if (bps < 0 || bps > maxBps) {
      throw new MintProblems.InvalidRoyalty("royaltyBps must be 0 to " + maxBps + " (" + maxBps / 100.0 + "%), was " + bps, maxBps);
    }
    return bps;
  }
}
