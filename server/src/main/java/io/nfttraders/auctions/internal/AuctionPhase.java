package io.nfttraders.auctions.internal;

/** Where an auction is in its life; only OPEN takes bids. */
enum AuctionPhase {
  OPEN,
  /** Bidding closed with a winner; settlement on-chain follows. */
  ENDED,
  /** The winner's payment and the NFT were exchanged on-chain. */
  SETTLED,
  /** Closed without a sale: no bid met the reserve, or no bidder could pay. */
  UNSOLD,
  /** Taken back by its seller before anyone bid. */
  CANCELLED;

  /** Nothing more happens to the auction: no event follows. */
  boolean finished() {
    return this == SETTLED || this == UNSOLD || this == CANCELLED;
  }
}
