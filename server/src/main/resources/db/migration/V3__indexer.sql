-- Indexer: where it is, and the recent blocks it has seen (to notice reorganisations).
create table indexer_cursor (
  chain_id     bigint primary key,
  block_number bigint not null,
  block_hash   text not null
);
create table indexed_blocks (
  chain_id     bigint not null,
  block_number bigint not null,
  block_hash   text not null,
  primary key (chain_id, block_number)
);

-- The append-only log of token transfers as the chain reported them (mints from 0x0, burns to 0x0).
-- EIP-2309 ConsecutiveTransfer ranges are expanded to one row per token (sub_index = position).
create table nft_transfers (
  chain_id      bigint not null,
  contract      text not null,
  token_id      numeric(78) not null,
  from_address  text not null,
  to_address    text not null,
  block_number  bigint not null,
  block_hash    text not null,
  log_index     int not null,
  sub_index     int not null,
  tx_hash       text not null,
  primary key (chain_id, block_number, log_index, sub_index)
);
create index nft_transfers_token_idx on nft_transfers (chain_id, contract, token_id, block_number, log_index, sub_index);
create index nft_transfers_tx_idx on nft_transfers (tx_hash);

-- Derived from nft_transfers (forward on new blocks, recomputed for affected tokens on a reorg).
create table nft_tokens (
  chain_id      bigint not null,
  contract      text not null,
  token_id      numeric(78) not null,
  owner         text,
  mint_tx_hash  text not null,
  minted_block  bigint not null,
  burned        boolean not null default false,
  primary key (chain_id, contract, token_id)
);
create index nft_tokens_owner_idx on nft_tokens (owner);
create index nft_tokens_mint_tx_idx on nft_tokens (mint_tx_hash);
