-- Explore lists the lazy mints on sale, newest first.
create index lazy_mints_on_sale_idx on lazy_mints (created_at desc) where state = 'OPEN';
