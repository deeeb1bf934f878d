/**
 * Trading: fixed-price listings and offers as EIP-712 orders signed by their makers, settled by our
 * exchange contract in one transaction that moves the NFT and splits the price between royalty
 * receiver, platform and seller.
 *
 * <p>The order book is ours (off-chain), but validity follows the chain: the indexer hands us the
 * exchange's, the collection's and WETH's logs in its own transaction, and orders whose NFT moved,
 * whose approval was revoked or whose maker's WETH no longer covers them become inactive until the
 * chain says otherwise. A purchase reserves its listing atomically (one live trade per order); the
 * reservation ends when the indexer sees the fill, or is released when the transaction fails.
 */
@NullMarked
package io.nfttraders.market;

import org.jspecify.annotations.NullMarked;
