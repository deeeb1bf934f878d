-- Trading. Addresses are stored lower-case; amounts are wei (or the ERC-20's smallest unit) as numeric(78).

-- The order book: EIP-712 orders signed by their maker, as the exchange contract fills them.
-- state is ours (OPEN -> RESERVED while a fill is in flight -> FILLED, or CANCELLED); invalid_reason is the
-- chain's (null = fillable right now; else why not, e.g. NOT_OWNER, NOT_APPROVED, INSUFFICIENT_WETH).
create table orders (
  hash           text primary key,
  chain_id       bigint not null,
  exchange       text not null,
  side           text not null check (side in ('SELL', 'BUY')),
  maker          text not null,
  maker_user_id  uuid references users (id),
  collection     text not null,
  token_id       numeric(78) not null,
  currency       text not null,
  price_wei      numeric(78) not null check (price_wei > 0),
  start_time     timestamptz not null,
  end_time       timestamptz,
  salt           numeric(78) not null,
  counter        numeric(78) not null,
  signature      text not null,
  state          text not null check (state in ('OPEN', 'RESERVED', 'FILLED', 'CANCELLED')),
  invalid_reason text,
  closed_block   bigint,
  name           text,
  traits         jsonb not null default '[]',
  created_at     timestamptz not null,
  updated_at     timestamptz not null
);
-- The listings query: live listings of a collection by price (the end time is checked on the rows found).
create index orders_live_listings_idx on orders (collection, price_wei, hash)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;
create index orders_live_listings_recent_idx on orders (collection, created_at desc, hash)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;
create index orders_all_live_listings_idx on orders (price_wei, hash)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;
create index orders_token_idx on orders (chain_id, collection, token_id) where state in ('OPEN', 'RESERVED');
create index orders_maker_idx on orders (maker, created_at desc);
create index orders_traits_idx on orders using gin (traits jsonb_path_ops)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;

-- Fills and offer acceptances started through our API: one live trade per order (that is the reservation).
create table trades (
  id              uuid primary key,
  order_hash      text not null references orders (hash),
  taker_user_id   uuid not null references users (id),
  taker           text not null,
  transaction_id  uuid not null references chain_transactions (id),
  state           text not null check (state in ('SETTLING', 'SETTLED', 'FAILED')),
  failure         text,
  created_at      timestamptz not null,
  updated_at      timestamptz not null
);
create unique index trades_one_live_per_order_uq on trades (order_hash) where state <> 'FAILED';
create index trades_settling_idx on trades (transaction_id) where state = 'SETTLING';
create index trades_taker_idx on trades (taker_user_id, created_at desc);

-- What the indexer read from the exchange and the chain; each row keeps its block so a reorganisation can
-- delete what it undid.
create table sales (
  chain_id          bigint not null,
  block_number      bigint not null,
  log_index         int not null,
  tx_hash           text not null,
  order_hash        text not null,
  side              text not null,
  seller            text not null,
  buyer             text not null,
  collection        text not null,
  token_id          numeric(78) not null,
  currency          text not null,
  price_wei         numeric(78) not null,
  royalty_source    text not null check (royalty_source in ('ERC2981', 'ERC2981_CAPPED', 'NONE')),
  royalty_receiver  text,
  royalty_wei       numeric(78) not null,
  fee_recipient     text not null,
  fee_wei           numeric(78) not null,
  seller_wei        numeric(78) not null,
  at                timestamptz not null,
  primary key (chain_id, block_number, log_index)
);
create index sales_order_idx on sales (order_hash);
create index sales_collection_idx on sales (collection, at desc);
create index sales_token_idx on sales (chain_id, collection, token_id, at desc);
create index sales_seller_idx on sales (seller, at desc);
create index sales_buyer_idx on sales (buyer, at desc);

create table exchange_approvals (
  chain_id      bigint not null,
  collection    text not null,
  owner         text not null,
  approved      boolean not null,
  block_number  bigint not null,
  log_index     int not null,
  primary key (chain_id, block_number, log_index)
);
create index exchange_approvals_owner_idx on exchange_approvals (chain_id, collection, owner, block_number desc, log_index desc);

create table maker_counters (
  chain_id      bigint not null,
  maker         text not null,
  counter       numeric(78) not null,
  block_number  bigint not null,
  primary key (chain_id, maker, counter)
);

-- WETH balance and allowance (to the exchange) per account, read from the chain when the account appears
-- in a WETH event (stale) or makes an offer.
create table weth_positions (
  chain_id       bigint not null,
  account        text not null,
  balance_wei    numeric(78) not null,
  allowance_wei  numeric(78) not null,
  block_number   bigint not null,
  primary key (chain_id, account)
);
create table weth_stale_accounts (
  chain_id  bigint not null,
  account   text not null,
  primary key (chain_id, account)
);

-- Order-book activity (transfers and mints come from nft_transfers).
create table market_activity (
  id           bigserial primary key,
  kind         text not null check (kind in ('LISTED', 'OFFER_MADE', 'LISTING_CANCELLED', 'OFFER_CANCELLED', 'SALE')),
  chain_id     bigint not null,
  collection   text not null,
  token_id     numeric(78) not null,
  order_hash   text not null,
  from_address text,
  to_address   text,
  currency     text not null,
  price_wei    numeric(78) not null,
  tx_hash      text,
  block_number bigint,
  at           timestamptz not null
);
create index market_activity_token_idx on market_activity (chain_id, collection, token_id, id desc);
create index market_activity_collection_idx on market_activity (collection, id desc);
create index market_activity_from_idx on market_activity (from_address, id desc);
create index market_activity_to_idx on market_activity (to_address, id desc);
create index market_activity_block_idx on market_activity (block_number) where block_number is not null;

-- Approvals our custodial wallets sent so the exchange may move their NFTs (setApprovalForAll) or WETH
-- (approve): one per wallet and token contract, sent again only if the last one failed.
create table exchange_allowance_requests (
  chain_id        bigint not null,
  token           text not null,
  owner           text not null,
  transaction_id  uuid not null references chain_transactions (id),
  primary key (chain_id, token, owner)
);
