-- Every server instance keeps recently read collections' live listings in memory (LiveListings) and
-- drops a collection's copy when told here, on commit, that one of its listings was written.
-- Notifications with the same payload in one transaction arrive once.
create function notify_listing_change() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') and old.side = 'SELL' then
    perform pg_notify('listings_changed', old.collection);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.side = 'SELL' then
    perform pg_notify('listings_changed', new.collection);
  end if;
  return null;
end
$$;

create trigger orders_listing_change after insert or update or delete on orders
  for each row execute function notify_listing_change();
