-- The durable queue every chain write goes through (see io.nfttraders.txmanager).
create table chain_transactions (
  id                       uuid primary key,
  chain_id                 bigint not null,
  kind                     text not null,
  wallet_index             bigint not null,
  from_address             text not null,
  to_address               text,
  value_wei                numeric(78) not null,
  data                     bytea not null,
  gas_limit                numeric(78) not null,
  requested_by             uuid,
  reason                   text not null,
  depends_on               uuid references chain_transactions (id),
  status                   text not null check (status in ('QUEUED', 'SIGNED', 'SENT', 'MINED', 'CONFIRMED', 'FAILED')),
  nonce                    bigint,
  max_fee_per_gas          numeric(78),
  max_priority_fee_per_gas numeric(78),
  raw_tx                   text,
  tx_hash                  text,
  block_number             bigint,
  block_hash               text,
  gas_used                 bigint,
  attempts                 int not null default 0,
  next_attempt_at          timestamptz not null,
  last_error               text,
  created_at               timestamptz not null,
  updated_at               timestamptz not null,
  sent_at                  timestamptz
);
-- A nonce is used once per sender and chain, ever.
create unique index chain_transactions_nonce_uq on chain_transactions (chain_id, from_address, nonce) where nonce is not null;
create index chain_transactions_work_idx on chain_transactions (status, next_attempt_at) where status in ('QUEUED', 'SIGNED', 'SENT', 'MINED');
create index chain_transactions_requested_by_idx on chain_transactions (requested_by, created_at);
create unique index chain_transactions_hash_idx on chain_transactions (tx_hash) where tx_hash is not null;

-- Every signed version of a transaction (replacements share the nonce): a receipt for any of them settles it.
create table chain_transaction_hashes (
  tx_hash        text primary key,
  transaction_id uuid not null references chain_transactions (id),
  created_at     timestamptz not null
);
create index chain_transaction_hashes_tx_idx on chain_transaction_hashes (transaction_id);

create table chain_transaction_history (
  id             bigserial primary key,
  transaction_id uuid not null references chain_transactions (id),
  status         text not null,
  detail         text,
  at             timestamptz not null
);
create index chain_transaction_history_tx_idx on chain_transaction_history (transaction_id, id);

-- The next nonce per sender; its row lock serialises allocation across threads and instances.
create table wallet_nonces (
  chain_id   bigint not null,
  address    text not null,
  next_nonce bigint not null,
  primary key (chain_id, address)
);

-- Idempotency-Key: a retried request gets the first answer back, and does nothing twice.
create table idempotency_keys (
  user_id      uuid not null,
  key          text not null,
  fingerprint  text not null,
  status       int,
  body         text,
  created_at   timestamptz not null default now(),
  primary key (user_id, key)
);
