-- The local content back end keeps file bytes and directory listings in append-only pack files
-- under <data-dir>/content/packs; this is where each one lies. store_id names the content
-- directory (its content/store-id file), so one database can index several directories.
create table content_index (
  store_id    uuid    not null,
  cid         text    not null,
  kind        text    not null check (kind in ('FILE', 'DIRECTORY')),
  media_type  text    check ((kind = 'FILE') = (media_type is not null)),
  size        bigint  not null check (size >= 0),
  dag_size    bigint  not null check (dag_size >= 0),
  pack        text    not null,
  pack_offset bigint  not null check (pack_offset >= 0),
  length      integer not null check (length >= 0),
  primary key (store_id, cid)
);
