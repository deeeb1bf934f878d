package io.nfttraders.indexer;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import org.jspecify.annotations.Nullable;

/**
 * A token as the indexer knows it from the chain. {@code owner} is null once burned, and always for an
 * ERC-1155 token, which has holders instead ({@link IndexedNfts#holdings}).
 */
public record TokenView(TokenRef token, @Nullable Address owner, String mintTransactionHash, long mintedBlock, boolean burned, TokenStandard standard) {}
