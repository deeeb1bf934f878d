-- Live auctions. An auction's terms are fixed at creation; everything that happens to it is an
-- event in auction_events, numbered gap-free per auction (the primary key, so two writers can
-- never fork an auction's history). Each event also carries the auction's state after it, so a
-- restart reads one row per auction instead of folding its whole history.
create table auctions (
  id                  uuid primary key,
  chain_id            bigint not null,
  collection          text not null,
  token_id            numeric(78) not null,
  seller              text not null,
  seller_user_id      uuid not null references users (id),
  type                text not null check (type in ('RESERVE', 'ENGLISH', 'DUTCH')),
  start_price_wei     numeric(78) not null check (start_price_wei > 0),
  floor_price_wei     numeric(78),
  buy_now_price_wei   numeric(78),
  starts_at           timestamptz not null,
  duration_ms         bigint not null check (duration_ms > 0),
  min_increment_bps   int not null,
  extension_window_ms bigint not null,
  -- OPEN until bidding closes; written only on that rare change, never per bid
  phase               text not null default 'OPEN' check (phase in ('OPEN', 'ENDED', 'SETTLED', 'UNSOLD', 'CANCELLED')),
  created_at          timestamptz not null
);
-- one auction at a time per token
create unique index auctions_one_open_per_token_idx on auctions (chain_id, collection, token_id) where phase in ('OPEN', 'ENDED');
create index auctions_unfinished_idx on auctions (phase) where phase in ('OPEN', 'ENDED');

create table auction_events (
  auction_id         uuid not null references auctions (id),
  seq                bigint not null check (seq > 0),
  kind               text not null check (kind in ('BID', 'ENDED', 'UNSOLD', 'SETTLED', 'PAUSED', 'RESUMED', 'CANCELLED')),
  at                 timestamptz not null,
  bidder             text,
  bidder_user_id     uuid,
  amount_wei         numeric(78),
  outbid             text,
  outbid_amount_wei  numeric(78),
  extended           boolean not null default false,
  detail             text,
  -- the auction after this event
  phase              text not null,
  ends_at            timestamptz,
  leader             text,
  leading_bid_wei    numeric(78),
  bids               bigint not null,
  paused             boolean not null,
  primary key (auction_id, seq)
);
create index auction_events_bidder_idx on auction_events (bidder_user_id, at desc) where kind = 'BID';

-- Settling an ended auction: one attempt per bidder tried, the winner first and then (if the
-- winner cannot pay) the next highest bidder. Each attempt places the bidder's WETH offer and has
-- the seller's wallet accept it; at most one attempt of an auction is under way at a time.
create table auction_settlements (
  auction_id     uuid not null references auctions (id),
  attempt        int not null check (attempt > 0),
  bidder         text not null,
  bidder_user_id uuid not null,
  amount_wei     numeric(78) not null,
  offer_hash     text,
  trade_id       uuid,
  state          text not null check (state in ('OFFERED', 'ACCEPTED', 'SETTLED', 'FAILED')),
  failure        text,
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  primary key (auction_id, attempt)
);
create unique index auction_settlements_one_under_way_idx on auction_settlements (auction_id) where state in ('OFFERED', 'ACCEPTED');
