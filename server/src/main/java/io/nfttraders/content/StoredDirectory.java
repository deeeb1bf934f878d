package io.nfttraders.content;

import io.nfttraders.content.internal.PathSegments;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A UnixFS directory: named links to files (or directories) already in the store. Its CID is
 * the one IPFS gives the same directory, so {@code ipfs://<cid>/7} resolves everywhere.
 *
 * @param entries sorted by name bytes, as the directory node stores them
 */
public record StoredDirectory(Cid cid, List<Entry> entries) {

  public StoredDirectory {
    Objects.requireNonNull(cid, "cid");
    entries = List.copyOf(entries);
    Set<String> names = new HashSet<>();
    for (Entry entry : entries) {
      if (!names.add(entry.name())) {
        throw new IllegalArgumentException("duplicate entry name: " + entry.name());
      }
    }
  }

  /** The bytes of all files below this directory: what a parent's entry for it declares. */
  public long size() {
    return entries.stream().mapToLong(Entry::size).sum();
  }

  /**
   * @param name one path segment: not empty, not {@code .} or {@code ..}, no {@code /}, no
   *     {@code \} and no control characters
   * @param size a file's length in bytes; for a directory, the bytes of all files below it
   *     ({@link StoredDirectory#size()})
   */
  public record Entry(String name, Cid cid, long size) {

    public Entry {
      Objects.requireNonNull(cid, "cid");
      if (!PathSegments.isValid(name)) {
        throw new IllegalArgumentException("not a valid directory entry name: " + name);
      }
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative: " + size);
      }
    }
  }
}
