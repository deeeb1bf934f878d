package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where stored content lives: whole files (not IPFS blocks) with their media type, and directory
 * listings. Writes are idempotent and atomic: a reader sees a complete file or none.
 */
interface ContentBackend {

  /**
   * @param size the file's length in bytes
   * @param dagSize the cumulative size of its IPFS DAG (what a directory link to it records)
   */
  record FileRecord(Cid cid, long size, String mediaType, long dagSize) {}

  /** @param entries sorted by name bytes */
  record DirectoryRecord(Cid cid, long dagSize, List<DirectoryEntry> entries) {}

  /**
   * @param size a file's length, or the bytes of all files below a directory
   * @param dagSize the cumulative size of the child's DAG
   */
  record DirectoryEntry(String name, Cid cid, long size, long dagSize) {}

  /** A file to store: its bytes and what they are. */
  record PendingFile(FileRecord record, byte[] bytes) {}

  Optional<FileRecord> file(Cid cid);

  /** The records of those of {@code cids} that are stored files; a back end may look them all up at once. */
  default Map<Cid, FileRecord> files(Collection<Cid> cids) {
    Map<Cid, FileRecord> found = new HashMap<>();
    for (Cid cid : cids) {
      file(cid).ifPresent(record -> found.put(cid, record));
    }
    return found;
  }

  /**
   * Stores each file as its record describes, unless a file with its CID is already stored; when
   * this returns, all of them are durable. A back end writes them together where it can (one
   * flush for a whole drop), so callers should pass everything they have at once.
   */
  void putFiles(List<PendingFile> files);

  /** Bytes {@code first} to {@code last} (inclusive) of a stored file. */
  InputStream openRange(Cid cid, long first, long last) throws IOException;

  Optional<DirectoryRecord> directory(Cid cid);

  /** Stores a directory listing; storing one that is already stored changes nothing. */
  void putDirectory(DirectoryRecord record);
}
