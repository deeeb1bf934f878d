package io.nfttraders.minting.internal;

import io.nfttraders.ethereum.Royalty;
import java.util.List;
import java.util.UUID;

/** The 202 answer to a mint: where to follow it, and the content-addressed URIs it will carry. */
record MintAccepted(UUID mintId, String transactionId, String status, String mode, String contract, Royalty royalty, List<Item> items) {

  record Item(int position, String name, String tokenUri, String metadataUri, String imageUri) {}
}
