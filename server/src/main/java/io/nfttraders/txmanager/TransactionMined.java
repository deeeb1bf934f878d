package io.nfttraders.txmanager;

/** Published once a transaction's receipt is seen; {@code succeeded} is false for a revert. */
public record TransactionMined(TransactionId id, String kind, String hash, long blockNumber, boolean succeeded) {}
