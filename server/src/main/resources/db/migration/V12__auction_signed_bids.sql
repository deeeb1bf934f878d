-- Bids signed by bidders who keep their own key. Each is the bidder's WETH offer for the token at
-- the bid (the exchange's EIP-712 Order), stored before the bid is decided, so that an accepted
-- bid can always be settled with the bidder's own signature: the server never signs for them.
create table auction_signed_bids (
  auction_id uuid not null references auctions (id),
  bidder     text not null,
  amount_wei numeric(78) not null,
  end_time   timestamptz not null,
  salt       numeric(78) not null,
  counter    numeric(78) not null,
  signature  text not null,
  created_at timestamptz not null,
  primary key (auction_id, bidder, amount_wei)
);
