/**
 * The chain indexer: follows our contracts' Transfer and ConsecutiveTransfer (EIP-2309) events
 * with eth_getLogs over adaptive block ranges, from the deploy block, with a persisted cursor.
 *
 * <p>State is derived, never patched: {@code nft_transfers} is the append-only log of what the
 * chain said, {@code nft_tokens} is reduced from it. A reorganisation (the stored hash of an
 * indexed block no longer matches the chain) deletes the log above the common ancestor and
 * recomputes the affected tokens from what remains; then indexing resumes from the ancestor.
 */
@NullMarked
package io.nfttraders.indexer;

import org.jspecify.annotations.NullMarked;
