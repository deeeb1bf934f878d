package io.nfttraders.minting.internal;

import io.nfttraders.minting.MintMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxMetadataBytes metadata JSON above 256 KiB would not be a single raw IPFS block, and
 *     the contract's single-mint URIs are raw CIDs
 * @param maxBatchItems the contract mints at most 1,000 tokens per call
 */
@ConfigurationProperties("nft.minting")
record MintingProperties(
    @DefaultValue("USER_SIGNED") MintMode mode,
    @DefaultValue("262144") int maxMetadataBytes,
    @DefaultValue("1000") int maxBatchItems) {}
