-- Whose bid an event is about: the leader's and the outbid bidder's accounts, for notifications.
alter table auction_events add column outbid_user_id uuid, add column leader_user_id uuid;

-- A user's notifications (outbid, won, sold, settled, unsold), written in the same transaction as
-- the auction event that caused them, so none is lost and none is made twice.
create table notifications (
  id          bigserial primary key,
  user_id     uuid not null references users (id),
  kind        text not null check (kind in ('OUTBID', 'WON', 'SOLD', 'SETTLED', 'UNSOLD')),
  auction_id  uuid not null references auctions (id),
  seq         bigint not null,
  body        jsonb not null,
  created_at  timestamptz not null,
  read_at     timestamptz,
  unique (user_id, auction_id, seq, kind)
);
create index notifications_user_idx on notifications (user_id, id desc);

-- Where a user wants their notifications POSTed, signed with HMAC-SHA256 under a secret that is
-- stored only sealed (under the key-encryption key).
create table webhooks (
  id            uuid primary key,
  user_id       uuid not null references users (id),
  url           text not null,
  secret_sealed bytea not null,
  created_at    timestamptz not null,
  deleted_at    timestamptz
);
create index webhooks_user_idx on webhooks (user_id) where deleted_at is null;

-- One delivery per webhook and notification, retried with backoff until delivered or given up.
create table webhook_deliveries (
  id              bigserial primary key,
  webhook_id      uuid not null references webhooks (id),
  notification_id bigint not null references notifications (id),
  state           text not null default 'PENDING' check (state in ('PENDING', 'DELIVERED', 'FAILED')),
  attempts        int not null default 0,
  next_attempt_at timestamptz not null,
  last_error      text,
  delivered_at    timestamptz,
  unique (webhook_id, notification_id)
);
create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where state = 'PENDING';
