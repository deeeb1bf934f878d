/**
 * Creators' own collections: an ERC-721 or ERC-1155 contract of a creator's own, made as an
 * EIP-1167 clone by our factory and administered by the creator's wallet (a custodial creator's
 * through the signer, a self-custody creator's by their own wallet), with its royalty and its
 * ERC-7572 metadata. Minting into one is the minting module's.
 */
@NullMarked
package io.nfttraders.collections;

import org.jspecify.annotations.NullMarked;
