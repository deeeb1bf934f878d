/**
 * Minting: a user's image and metadata become content-addressed files and a mint transaction
 * through the transaction manager; the indexer later tells which token ids it produced.
 *
 * <p>Two modes ({@code nft.minting.mode}): USER_SIGNED, the user's custodial wallet signs and
 * pays (it is granted MINTER_ROLE once, and its first mint waits for that grant), and SPONSORED,
 * the platform wallet signs and mints to the user's address.
 */
@NullMarked
package io.nfttraders.minting;

import org.jspecify.annotations.NullMarked;
