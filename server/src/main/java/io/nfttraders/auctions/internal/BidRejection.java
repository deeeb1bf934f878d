package io.nfttraders.auctions.internal;

/** Why a bid was not accepted; each is a stable value of the answer's {@code reason}. */
enum BidRejection {
  NOT_STARTED,
  ENDED,
  PAUSED,
  SELLER_CANNOT_BID,
  ALREADY_LEADING,
  BELOW_RESERVE,
  BELOW_PRICE,
  BELOW_MINIMUM_INCREMENT,
  INSUFFICIENT_FUNDS
}
