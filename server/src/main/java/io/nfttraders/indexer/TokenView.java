package io.nfttraders.indexer;

import java.math.BigInteger;
import org.jspecify.annotations.Nullable;

/** A token as the indexer knows it from the chain. {@code owner} is null once burned. */
public record TokenView(long chainId, String contract, BigInteger tokenId, @Nullable String owner, String mintTransactionHash, long mintedBlock, boolean burned) {}
