-- Newest-first listing pages walk (created_at desc, hash desc): the index must have both in that direction.
drop index orders_live_listings_recent_idx;
create index orders_live_listings_recent_idx on orders (collection, created_at desc, hash desc)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;
create index orders_all_live_listings_recent_idx on orders (created_at desc, hash desc)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;
