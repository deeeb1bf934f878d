package io.nfttraders.indexer.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialRange blocks per eth_getLogs call to start with; grows while answers are small, halves when the node refuses
 * @param maxRange never ask for more blocks than this at once
 * @param targetLogsPerCall ranges are sized to hold about this many logs
 * @param keepBlocks how many recent block hashes to keep for finding a reorg's common ancestor
 */
@ConfigurationProperties("nft.indexer")
record IndexerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("100") int initialRange,
    @DefaultValue("10000") int maxRange,
    @DefaultValue("10000") int targetLogsPerCall,
    @DefaultValue("256") int keepBlocks) {}
