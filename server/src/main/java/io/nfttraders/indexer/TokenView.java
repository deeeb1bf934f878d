package io.nfttraders.indexer;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenRef;
import org.jspecify.annotations.Nullable;

/** A token as the indexer knows it from the chain. {@code owner} is null once burned. */
public record TokenView(TokenRef token, @Nullable Address owner, String mintTransactionHash, long mintedBlock, boolean burned) {}
