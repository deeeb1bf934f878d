-- Lazy minting: a creator's signed mint voucher, listed without gas; the buyer's redemption mints and pays.
create table lazy_mints (
  id                      uuid primary key,
  user_id                 uuid not null references users (id),
  chain_id                bigint not null,
  exchange                text not null,
  creator                 text not null,
  collection              text not null,
  metadata_digest         text not null,
  royalty_bps             int not null check (royalty_bps >= 0),
  price_wei               numeric(78) not null check (price_wei > 0),
  end_time                timestamptz not null,
  salt                    numeric(78) not null,
  voucher_hash            text not null unique,
  signature               text not null,
  name                    text not null,
  metadata_json           text not null,
  image_cid               text not null,
  -- the grant of the minter role the redemption waits for, if one was still to be mined
  grant_transaction_id    uuid references chain_transactions (id),
  state                   text not null check (state in ('OPEN', 'REDEEMING', 'REDEEMED')),
  redeem_transaction_id   uuid references chain_transactions (id),
  buyer                   text,
  token_id                numeric(78),
  redeemed_block          bigint,
  created_at              timestamptz not null
);
create index lazy_mints_token_idx on lazy_mints (chain_id, collection, token_id) where token_id is not null;
