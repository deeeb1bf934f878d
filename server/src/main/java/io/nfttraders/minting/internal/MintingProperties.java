package io.nfttraders.minting.internal;

import io.nfttraders.minting.MintMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMetadataBytes metadata JSON above 256 KiB would not be a single raw IPFS block, and
 *     the contract's single-mint URIs are raw CIDs
 * @param maxBatchItems the contract mints at most 1,000 tokens per call
 * @param defaultRoyaltyBps the creator's royalty when a mint names none (capped at nft.market.max-royalty-bps)
 */
@ConfigurationProperties("nft.minting")
record MintingProperties(
    @DefaultValue("USER_SIGNED") MintMode mode,
    @DefaultValue("262144") int maxMetadataBytes,
    @DefaultValue("1000") int maxBatchItems,
    @DefaultValue("500") int defaultRoyaltyBps) {

  MintingProperties {
    if (defaultRoyaltyBps < 0 || defaultRoyaltyBps > 10_000) {
      throw new IllegalArgumentException("nft.minting.default-royalty-bps must be 0..10000");
    }
  }
}
