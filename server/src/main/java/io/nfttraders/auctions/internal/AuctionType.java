package io.nfttraders.auctions.internal;

/** How an auction's price is found. */
enum AuctionType {
  /** Foundation's reserve auction: the clock starts at the first bid at or above the reserve. */
  RESERVE,
  /** Fixed start and end; bids from a starting price; an optional buy-now price ends it at once. */
  ENGLISH,
  /** The price falls from a start to a floor over the auction's duration; the first bid at the current price wins. */
  DUTCH
}
