/**
 * Metadata of tokens minted elsewhere: read from the token's own {@code tokenURI} or {@code uri(id)}
 * ({@code ipfs://}, {@code https://}, {@code data:}), which is hostile input from the whole internet.
 * Fetched through the address guard with size and time limits, retried with back-off from a durable
 * queue, refreshed on EIP-4906 events and on request; images are copied into our content store and
 * served from it like our own. Broken metadata is kept as broken, with its reason, and never stops
 * the indexer.
 */
@NullMarked
package io.nfttraders.metadata;

import org.jspecify.annotations.NullMarked;
