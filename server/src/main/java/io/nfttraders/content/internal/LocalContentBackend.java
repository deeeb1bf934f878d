package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import io.nfttraders.content.internal.ContentIndex.Entry;
import io.nfttraders.content.internal.ContentIndex.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content in a local directory ({@code <data-dir>/content}), indexed in PostgreSQL:
 *
 * <pre>
 * store-id        this directory's id in the index (created on first use)
 * packs/*.pack    file bytes and directory listings (JSON), appended, never rewritten
 * </pre>
 *
 * A drop of 100 tokens is 201 blobs: as files of their own they cost 201 creates, renames and
 * fsyncs, which capped drops at a few hundred NFTs per second; appended to a pack they cost one
 * write, one flush and one index statement. Content from the earlier one-file-per-CID layout is
 * moved into packs on start ({@link FlatLayoutImport}).
 */
final class LocalContentBackend implements ContentBackend {

  static final long PACK_SIZE = 1L << 30;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Packs packs;
  private final ContentIndex index;

  LocalContentBackend(Path root, JdbcClient jdbc, Clock clock) {
    this.packs = new Packs(root.resolve("packs"), PACK_SIZE, clock);
    this.index = new ContentIndex(jdbc, storeId(root));
    FlatLayoutImport.run(root, this);
  }

  @Override
  public Optional<FileRecord> file(Cid cid) {
    return index.find(cid, Kind.FILE).map(Entry::file);
  }

  @Override
  public Map<Cid, FileRecord> files(Collection<Cid> cids) {
    return index.files(cids);
  }

  @Override
  public void putFiles(List<PendingFile> files) {
    Map<Cid, PendingFile> distinct = new LinkedHashMap<>();
    files.forEach(f -> distinct.putIfAbsent(f.record().cid(), f));
    Set<Cid> present = index.present(distinct.keySet());
    List<PendingFile> missing = distinct.values().stream().filter(f -> !present.contains(f.record().cid())).toList();
    List<Packs.Location> locations = packs.append(missing.stream().map(PendingFile::bytes).toList());
    List<Entry> entries = new ArrayList<>(missing.size());
    for (int i = 0; i < missing.size(); i++) {
      FileRecord record = missing.get(i).record();
      entries.add(new Entry(record.cid(), Kind.FILE, record, locations.get(i)));
    }
    index.add(entries);
  }

  @Override
  public InputStream openRange(Cid cid, long first, long last) throws IOException {
    Entry entry = index.find(cid, Kind.FILE).orElseThrow(() -> new NoSuchFileException(cid.value()));
    return packs.open(entry.location(), first, last);
  }

  @Override
  public Optional<DirectoryRecord> directory(Cid cid) {
    return index.find(cid, Kind.DIRECTORY).map(entry -> JSON.readValue(packs.read(entry.location()), DirectoryRecord.class));
  }

  @Override
  public void putDirectory(DirectoryRecord record) {
    if (index.present(List.of(record.cid())).isEmpty()) {
      Packs.Location location = packs.append(List.of(JSON.writeValueAsBytes(record))).getFirst();
      index.add(List.of(new Entry(record.cid(), Kind.DIRECTORY, null, location)));
    }
  }

  /** Closes the pack being written; reads still work, and a later write starts a new pack. */
  void close() {
    packs.close();
  }

  /** The directory's id, made once; linked into place so that two processes starting together agree. */
  private static UUID storeId(Path root) {
    Path file = root.resolve("store-id");
    try {
      Files.createDirectories(root);
      if (!Files.exists(file)) {
        Path temp = Files.createTempFile(root, "store-id", ".tmp");
        try {
          try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
          }
          Files.createLink(file, temp); // atomic, and fails if another process was first
        } catch (FileAlreadyExistsException taken) {
          // keep the other process's id
        } finally {
          Files.deleteIfExists(temp);
        }
      }
      return UUID.fromString(Files.readString(file, StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create " + file, e);
    }
  }
}
