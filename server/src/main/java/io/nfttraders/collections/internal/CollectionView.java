package io.nfttraders.collections.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import org.jspecify.annotations.Nullable;

/**
 * A creator's collection as the API shows it.
 *
 * @param state PENDING until the factory's transaction is mined on the canonical chain, then CREATED;
 *     FAILED when the transaction we sent for it failed
 * @param contractUri its ERC-7572 metadata, as the contract answers {@code contractURI()}
 * @param transactionId the transaction we sent for it (custodial creators), to follow
 */
record CollectionView(
    ChainId chainId,
    Address address,
    String standard,
    String name,
    String symbol,
    @Nullable String description,
    @Nullable String imageUrl,
    String contractUri,
    Address owner,
    Royalty royalty,
    String state,
    @Nullable String transactionId) {}
