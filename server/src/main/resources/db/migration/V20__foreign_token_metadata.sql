-- Metadata of tokens minted elsewhere, read from their tokenURI / uri(id): a durable queue of fetches and what they gave.
create table token_metadata (
  chain_id              bigint not null,
  contract              text not null,
  token_id              numeric(78) not null,
  standard              text not null check (standard in ('ERC721', 'ERC1155')),
  state                 text not null check (state in ('PENDING', 'FETCHED', 'BROKEN')),
  attempts              int not null default 0,
  -- when a PENDING row is due; while a fetch runs, the lease after which another worker may take it
  next_attempt_at       timestamptz not null,
  refresh_requested_at  timestamptz,
  uri                   text,
  name                  text,
  description           text,
  image_cid             text,
  attributes            jsonb not null default '[]',
  problem               text,
  updated_at            timestamptz not null,
  primary key (chain_id, contract, token_id)
);
create index token_metadata_due_idx on token_metadata (next_attempt_at) where state = 'PENDING';

-- New tokens are queued for their metadata as the indexer stores each block range: found by the block they were minted in.
create index nft_tokens_minted_block_idx on nft_tokens (chain_id, minted_block);
