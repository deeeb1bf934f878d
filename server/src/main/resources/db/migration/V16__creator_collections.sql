-- Creators' own collections: EIP-1167 clones made by our factory, at the address the factory
-- predicts from the creator's wallet and a salt. A custodial creator's collection has the
-- transaction we sent for it; a self-custody creator sends it from their own wallet. Either way
-- the factory's CollectionCreated log (indexed, so reorganisation-safe) says it exists.
create table creator_collections (
  chain_id             bigint not null,
  address              text not null,
  standard             text not null check (standard in ('ERC721', 'ERC1155')),
  creator_user_id      uuid not null references users (id),
  owner_address        text not null,
  name                 text not null,
  symbol               text not null,
  description          text,
  image_cid            text,
  metadata_cid         text not null,
  royalty_receiver     text not null,
  royalty_bps          int not null check (royalty_bps between 0 and 10000),
  salt                 text not null,
  transaction_id       uuid references chain_transactions (id),
  created_block        bigint,
  created_tx_hash      text,
  requested_at         timestamptz not null,
  primary key (chain_id, address)
);
create index creator_collections_creator_idx on creator_collections (creator_user_id, requested_at);
