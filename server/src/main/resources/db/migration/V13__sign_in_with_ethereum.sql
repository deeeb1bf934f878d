-- Self-custody accounts (Sign-In with Ethereum, EIP-4361): known by their own address, with no
-- email, no password and no custodial wallet (so the custodial signer never signs for them).
alter table users alter column email drop not null;
alter table users alter column password_hash drop not null;
alter table users add column address text;
alter table users drop constraint users_role_check;
alter table users add constraint users_role_check check (role in ('USER', 'ADMIN', 'SELF_CUSTODY'));
alter table users add constraint users_identity_check check (
  (role in ('USER', 'ADMIN') and email is not null and password_hash is not null and address is null)
  or (role = 'SELF_CUSTODY' and address is not null and email is null and password_hash is null));
create unique index users_address_uq on users (address) where address is not null;

-- Sign-in nonces: issued by us, good once and for a few minutes, so a signed message cannot be replayed.
create table siwe_nonces (
  nonce      text primary key,
  issued_at  timestamptz not null,
  expires_at timestamptz not null,
  used_at    timestamptz
);
create index siwe_nonces_expiry_idx on siwe_nonces (expires_at);
