package io.nfttraders.collections.internal;

import io.nfttraders.ethereum.UnsignedTransaction;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a request that changes a collection on chain: the collection as it will be, and
 * either the transaction we sent (custodial creators: follow it) or the one to sign (self-custody).
 */
record CollectionRequested(CollectionView collection, @Nullable UnsignedTransaction transactionToSign) {}
