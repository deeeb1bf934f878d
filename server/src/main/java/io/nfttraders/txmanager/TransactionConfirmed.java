package io.nfttraders.txmanager;

public record TransactionConfirmed(TransactionId id, String kind, String hash, long blockNumber) {}
