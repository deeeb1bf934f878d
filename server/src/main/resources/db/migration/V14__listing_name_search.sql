-- The web app's search box: live listings whose name contains a text, in any case
-- (name ilike '%text%'). A trigram index answers that without walking every live listing.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists pg_trgm;
create index orders_live_listings_name_idx on orders using gin (name gin_trgm_ops)
  where side = 'SELL' and state = 'OPEN' and invalid_reason is null;
