package io.nfttraders.indexer;

import java.math.BigInteger;

/** One entry of a token's provenance, oldest first; mints come from the zero address. */
public record TransferView(BigInteger tokenId, String from, String to, long blockNumber, String transactionHash) {}
