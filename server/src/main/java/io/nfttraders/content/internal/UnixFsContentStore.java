package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import io.nfttraders.content.Content;
import io.nfttraders.content.ContentNotFound;
import io.nfttraders.content.ContentStore;
import io.nfttraders.content.FileBatch;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.content.StoredFile;
import io.nfttraders.content.internal.ContentBackend.DirectoryEntry;
import io.nfttraders.content.internal.ContentBackend.DirectoryRecord;
import io.nfttraders.content.internal.ContentBackend.FileRecord;
import io.nfttraders.content.internal.ContentBackend.PendingFile;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** The {@link ContentStore}: IPFS CIDs computed here, bytes kept by a {@link ContentBackend}. */
final class UnixFsContentStore implements ContentStore {

  private static final Logger log = LoggerFactory.getLogger(UnixFsContentStore.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ContentBackend backend;

  UnixFsContentStore(ContentBackend backend) {
    this.backend = backend;
  }

  @Override
  public StoredFile putFile(byte[] bytes, String mediaType) {
    UnixFsFile.Dag dag = UnixFsFile.of(bytes);
    Optional<FileRecord> existing = backend.file(dag.cid());
    if (existing.isPresent()) {
      return new StoredFile(dag.cid(), existing.get().size(), existing.get().mediaType());
    }
    backend.putFiles(List.of(pending(dag, bytes, mediaType)));
    return new StoredFile(dag.cid(), dag.size(), mediaType);
  }

  private static PendingFile pending(UnixFsFile.Dag dag, byte[] bytes, String mediaType) {
    return new PendingFile(new FileRecord(dag.cid(), dag.size(), mediaType, dag.dagSize()), bytes);
  }

  @Override
  public FileBatch newBatch() {
    return new FileBatch() {
      private final List<PendingFile> pending = new ArrayList<>();

      @Override
      public StoredFile add(byte[] bytes, String mediaType) {
        UnixFsFile.Dag dag = UnixFsFile.of(bytes);
        StoredFile file = new StoredFile(dag.cid(), dag.size(), mediaType);
        pending.add(pending(dag, bytes, mediaType));
        return file;
      }

      @Override
      public void commit() {
        backend.putFiles(List.copyOf(pending));
        log.debug("stored {} files", pending.size());
        pending.clear();
      }
    };
  }

  @Override
  public StoredDirectory putDirectory(List<StoredDirectory.Entry> entries) {
    List<DirectoryEntry> children = new ArrayList<>();
    var names = new HashSet<String>();
    Map<Cid, FileRecord> files = backend.files(entries.stream().map(StoredDirectory.Entry::cid).toList());
    for (StoredDirectory.Entry entry : entries) {
      if (!names.add(entry.name())) {
        throw new IllegalArgumentException("duplicate entry name: " + entry.name());
      }
      children.add(new DirectoryEntry(entry.name(), entry.cid(), entry.size(), storedDagSize(entry, files.get(entry.cid()))));
    }
    children.sort(Comparator.comparing(DirectoryEntry::name, UnixFsDirectory.BY_NAME_BYTES));
    DagPb.Node node = UnixFsDirectory.of(children.stream()
        .map(c -> new UnixFsDirectory.Child(c.name(), c.cid(), c.dagSize()))
        .toList());
    backend.putDirectory(new DirectoryRecord(node.cid(), node.dagSize(), List.copyOf(children)));
    log.debug("stored directory cid={} entries={}", node.cid(), children.size());
    return toStoredDirectory(node.cid(), children);
  }

  /**
   * The child's cumulative DAG size, which only the store knows (it counts dag-pb nodes, not just
   * file bytes); checks the size the entry declares.
   *
   * @param file the entry's file record, null when it is no stored file
   */
  private long storedDagSize(StoredDirectory.Entry entry, @Nullable FileRecord file) {
    if (file != null) {
      requireSize(entry, file.size());
      return file.dagSize();
    }
    DirectoryRecord directory = directoryRecord(entry.cid()).orElseThrow(() -> new ContentNotFound(entry.cid().value()));
    requireSize(entry, directory.entries().stream().mapToLong(DirectoryEntry::size).sum());
    return directory.dagSize();
  }

  /** Only a dag-pb CID can name a directory: a raw one needs no look-up. */
  private Optional<DirectoryRecord> directoryRecord(Cid cid) {
    return cid.codec() == Cid.Codec.DAG_PB ? backend.directory(cid) : Optional.empty();
  }

  private static void requireSize(StoredDirectory.Entry entry, long stored) {
    if (entry.size() != stored) {
      throw new IllegalArgumentException(
          "entry " + entry.name() + " declares size " + entry.size() + " but " + entry.cid() + " has " + stored);
    }
  }

  @Override
  public Optional<Content> open(Cid cid) {
    Optional<FileRecord> file = backend.file(cid);
    if (file.isPresent()) {
      FileRecord f = file.get();
      return Optional.of(new Content(cid, f.size(), f.mediaType(), (first, last) -> backend.openRange(cid, first, last)));
    }
    return directory(cid).map(UnixFsContentStore::listing);
  }

  @Override
  public Optional<Content> resolve(Cid root, String path) {
    Cid current = root;
    for (String segment : PathSegments.split(path)) {
      Optional<Cid> next = directoryRecord(current).flatMap(d -> d.entries().stream()
          .filter(e -> e.name().equals(segment))
          .map(DirectoryEntry::cid)
          .findFirst());
      if (next.isEmpty()) {
        return Optional.empty();
      }
      current = next.get();
    }
    return open(current);
  }

  @Override
  public Optional<StoredDirectory> directory(Cid cid) {
    return directoryRecord(cid).map(d -> toStoredDirectory(d.cid(), d.entries()));
  }

  private static StoredDirectory toStoredDirectory(Cid cid, List<DirectoryEntry> entries) {
    return new StoredDirectory(cid, entries.stream()
        .map(e -> new StoredDirectory.Entry(e.name(), e.cid(), e.size()))
        .toList());
  }

  private static Content listing(StoredDirectory directory) {
    byte[] json = JSON.writeValueAsBytes(directory);
    return new Content(directory.cid(), json.length, Content.DIRECTORY_LISTING_TYPE,
        (first, last) -> new ByteArrayInputStream(json, (int) first, (int) (last - first + 1)));
  }
}
