-- Newest-first listing pages walk (created_at desc, hash desc): the index must have both in that direction.
drop index orders_live_listings_recent_idx;
create index orders_live_listings_recent_idx on orders (collection, created_at desc, hash desc)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;
create index orders_all_live_listings_recent_idx on orders (created_at desc, hash desc)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;

-- A custodial maker's next counter counts its cancel-all transactions still in flight, on every order it makes.
create index chain_transactions_pending_counter_idx on chain_transactions (from_address)
  where kind = 'INCREMENT_COUNTER' and status in ('QUEUED', 'SIGNED', 'SENT');
