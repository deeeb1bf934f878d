-- Every mint's tokens pay their creator a royalty (ERC-2981), set on chain by the mint call itself.
-- Mints made before that have none recorded: they paid the collection's default royalty to the
-- platform until a royalty migration (a transaction by the collection's admin) gives them their creator.
create table royalty_migrations (
  id              uuid primary key,
  transaction_id  uuid not null references chain_transactions (id),
  chain_id        bigint not null,
  contract        text not null,
  mint_count      int not null,
  state           text not null check (state in ('SENT', 'CONFIRMED', 'FAILED')),
  created_at      timestamptz not null
);

alter table mints
  add column royalty_receiver      text,
  add column royalty_bps           int check (royalty_bps between 0 and 10000),
  add column royalty_migration_id  uuid references royalty_migrations (id);

create index mints_without_royalty_idx on mints (chain_id, contract) where royalty_bps is null;
