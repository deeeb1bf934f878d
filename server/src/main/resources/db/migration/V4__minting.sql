-- What users minted through the API: one row per request, one item per token.
create table mints (
  id              uuid primary key,
  user_id         uuid not null references users (id),
  transaction_id  uuid not null references chain_transactions (id),
  chain_id        bigint not null,
  contract        text not null,
  mode            text not null check (mode in ('USER_SIGNED', 'SPONSORED')),
  recipient       text not null,
  directory_cid   text,
  item_count      int not null,
  created_at      timestamptz not null
);
create index mints_user_idx on mints (user_id, created_at);
create index mints_transaction_idx on mints (transaction_id);

create table mint_items (
  mint_id       uuid not null references mints (id),
  position      int not null,
  name          text not null,
  metadata_cid  text not null,
  image_cid     text not null,
  token_uri     text not null,
  metadata      text not null,
  primary key (mint_id, position)
);
create index mint_items_token_uri_idx on mint_items (token_uri);

-- In user-signed mode each wallet needs MINTER_ROLE once; its mints wait for this grant.
create table minter_grants (
  chain_id        bigint not null,
  contract        text not null,
  wallet_address  text not null,
  transaction_id  uuid not null references chain_transactions (id),
  primary key (chain_id, contract, wallet_address)
);
