package io.nfttraders.auctions.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;

/**
 * An auction's identity and terms: everything about it that never changes.
 *
 * @param amount the copies on auction of an ERC-1155 token; 1 for an ERC-721 token
 */
record Auction(UUID id, long chainId, String collection, BigInteger tokenId, BigInteger amount, String seller, UUID sellerUser, AuctionTerms terms,
    Instant createdAt) {

  /** The token on auction. */
  TokenRef token() {
    return new TokenRef(ChainId.of(chainId), Address.of(collection), tokenId);
  }
}
