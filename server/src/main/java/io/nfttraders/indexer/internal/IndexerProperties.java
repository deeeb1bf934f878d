package io.nfttraders.indexer.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param initialRange blocks per eth_getLogs call to start with; grows while answers are small, halves when the node refuses
 * @param maxRange never ask for more blocks than this at once
 * @param targetLogsPerCall the range grows while calls return fewer logs than this
 * @param keepBlocks how many recent block hashes to keep for finding a reorg's common ancestor
 */
@ConfigurationProperties("nft.indexer")
record IndexerProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("100ms") Duration pollInterval,
    @DefaultValue("500") int initialRange,
    @DefaultValue("10000") int maxRange,
    @DefaultValue("5000") int targetLogsPerCall,
    @DefaultValue("256") int keepBlocks) {}
