package io.nfttraders.market.internal;

/** Which way an order trades the NFT; the ordinal is the exchange's {@code uint8 side}. */
enum Side {
  /** A listing: the maker sells the token. */
  SELL,
  /** An offer: the maker buys the token, paying in an ERC-20. */
  BUY;

  int code() {
    return ordinal();
  }
}
