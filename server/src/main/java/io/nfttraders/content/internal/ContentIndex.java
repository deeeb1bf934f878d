package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import io.nfttraders.content.internal.ContentBackend.FileRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which pack holds each file and directory listing of one local content directory (table
 * {@code content_index}). A row is written only after its bytes are flushed, so every row points
 * at complete bytes.
 */
final class ContentIndex {

  enum Kind { FILE, DIRECTORY }

  /** One indexed blob: a file (with its record) or a directory listing (record null). */
  record Entry(Cid cid, Kind kind, @Nullable FileRecord file, Packs.Location location) {}

  private final JdbcClient jdbc;
  private final UUID storeId;

  ContentIndex(JdbcClient jdbc, UUID storeId) {
    this.jdbc = jdbc;
    this.storeId = storeId;
  }

  Optional<Entry> find(Cid cid, Kind kind) {
    return jdbc.sql("""
            select media_type, size, dag_size, pack, pack_offset, length from content_index
            where store_id = :store and cid = :cid and kind = :kind
            """)
        .param("store", storeId).param("cid", cid.value()).param("kind", kind.name())
        .query((rs, n) -> new Entry(cid, kind,
            kind == Kind.FILE ? new FileRecord(cid, rs.getLong(2), rs.getString(1), rs.getLong(3)) : null,
            new Packs.Location(rs.getString(4), rs.getLong(5), rs.getInt(6))))
        .optional();
  }

  /** The file records of those of {@code cids} that are indexed files, in one query. */
  Map<Cid, FileRecord> files(Collection<Cid> cids) {
    Map<Cid, FileRecord> found = new HashMap<>();
    jdbc.sql("""
            select cid, media_type, size, dag_size from content_index
            where store_id = :store and cid = any(:cids) and kind = 'FILE'
            """)
        .param("store", storeId)
        .param("cids", cids.stream().map(Cid::value).distinct().toArray(String[]::new))
        .query(rs -> {
          Cid cid = Cid.parse(rs.getString(1));
          found.put(cid, new FileRecord(cid, rs.getLong(3), rs.getString(2), rs.getLong(4)));
        });
    return found;
  }

  /** Those of {@code cids} that are indexed (as anything). */
  Set<Cid> present(Collection<Cid> cids) {
    List<String> found = jdbc.sql("select cid from content_index where store_id = :store and cid = any(:cids)")
        .param("store", storeId)
        .param("cids", cids.stream().map(Cid::value).toArray(String[]::new))
        .query(String.class)
        .list();
    return new HashSet<>(found.stream().map(Cid::parse).toList());
  }

  /** One statement for the whole batch; an entry someone indexed meanwhile is kept as it was. */
  void add(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    int n = entries.size();
    String[] cids = new String[n];
    String[] kinds = new String[n];
    String[] mediaTypes = new String[n];
    Long[] sizes = new Long[n];
    Long[] dagSizes = new Long[n];
    String[] packs = new String[n];
    Long[] offsets = new Long[n];
    Integer[] lengths = new Integer[n];
    for (int i = 0; i < n; i++) {
      Entry entry = entries.get(i);
      cids[i] = entry.cid().value();
      kinds[i] = entry.kind().name();
      mediaTypes[i] = entry.file() == null ? null : entry.file().mediaType();
      sizes[i] = entry.file() == null ? entry.location().length() : entry.file().size();
      dagSizes[i] = entry.file() == null ? 0 : entry.file().dagSize();
      packs[i] = entry.location().pack();
      offsets[i] = entry.location().offset();
      lengths[i] = entry.location().length();
    }
    jdbc.sql("""
            insert into content_index (store_id, cid, kind, media_type, size, dag_size, pack, pack_offset, length)
            select :store, * from unnest(:cids::text[], :kinds::text[], :mediaTypes::text[], :sizes::bigint[], :dagSizes::bigint[],
              :packs::text[], :offsets::bigint[], :lengths::integer[])
            on conflict (store_id, cid) do nothing
            """)
        .param("store", storeId).param("cids", cids).param("kinds", kinds).param("mediaTypes", mediaTypes).param("sizes", sizes)
        .param("dagSizes", dagSizes).param("packs", packs).param("offsets", offsets).param("lengths", lengths)
        .update();
  }
}
