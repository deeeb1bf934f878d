-- Accounts
create table users (
  id            uuid primary key,
  email         text not null,
  password_hash text not null,
  role          text not null check (role in ('USER', 'ADMIN')),
  created_at    timestamptz not null default now()
);
create unique index users_email_uq on users (lower(email));

-- Rotating refresh tokens: only a hash is stored; a family is one login's chain of rotations.
create table refresh_tokens (
  id          uuid primary key,
  family_id   uuid not null,
  user_id     uuid not null references users (id),
  token_hash  bytea not null unique,
  issued_at   timestamptz not null,
  expires_at  timestamptz not null,
  used_at     timestamptz,
  revoked_at  timestamptz
);
create index refresh_tokens_family_idx on refresh_tokens (family_id);

-- Failed logins, for throttling password guessing per account and per client address.
create table login_failures (
  email     text not null,
  client_ip text not null,
  at        timestamptz not null
);
create index login_failures_email_idx on login_failures (email, at);
create index login_failures_ip_idx on login_failures (client_ip, at);

-- JWT signing keys, sealed under the key-encryption key.
create table jwt_signing_keys (
  kid        text primary key,
  sealed_jwk bytea not null,
  created_at timestamptz not null default now()
);

-- Custody: the master seed exists once, only as envelope-encrypted ciphertext.
create table custody_master_seed (
  id         smallint primary key check (id = 1),
  sealed     bytea not null,
  kek        text not null,
  created_at timestamptz not null default now()
);

-- Index 0 is the platform wallet; users' wallets start at 1.
create sequence wallet_index_seq start with 1;
create table wallets (
  wallet_index bigint primary key,
  user_id      uuid unique references users (id),
  address      text not null unique,
  created_at   timestamptz not null default now()
);

create table signing_audit (
  id           bigserial primary key,
  at           timestamptz not null,
  wallet_index bigint not null,
  address      text not null,
  kind         text not null,
  chain_id     bigint,
  target       text,
  nonce        numeric,
  payload_hash text not null,
  requested_by text not null,
  reason       text not null,
  signed       boolean not null,
  refusal      text
);
create index signing_audit_wallet_idx on signing_audit (wallet_index, at);

-- Chain: where our contracts live on each chain.
create table chain_contracts (
  chain_id      bigint not null,
  name          text not null,
  address       text not null,
  deploy_tx     text not null,
  deploy_block  bigint not null,
  deployed_at   timestamptz not null default now(),
  primary key (chain_id, name)
);
