package io.nfttraders.content;

import java.util.List;
import java.util.Optional;

/**
 * Content-addressed storage: bytes go in, their IPFS CID comes out, and the CID gets them back.
 * Stored content never changes, so it can be cached forever. Backed by a local directory or an
 * S3-compatible bucket ({@code nft.content.backend}).
 */
public interface ContentStore {

  /**
   * Stores a file under the CID {@code ipfs add --cid-version=1 --raw-leaves} gives it. Storing
   * the same bytes again returns the same CID and keeps the first copy (and its media type).
   */
  StoredFile putFile(byte[] bytes, String mediaType);

  /** For several files at once: one durable write for all of them instead of one per file. */
  FileBatch newBatch();

  /**
   * Stores a UnixFS directory (not sharded) linking entries already in the store.
   *
   * @throws ContentNotFound when an entry's CID is not stored
   * @throws IllegalArgumentException when an entry's size is not the stored one
   */
  StoredDirectory putDirectory(List<StoredDirectory.Entry> entries);

  /** A file, or a directory as its JSON listing; empty when nothing is stored under the CID. */
  Optional<Content> open(Cid cid);

  /**
   * What {@code path} names below {@code root} ({@code "7"}, {@code "sub/7.json"}); an empty
   * path is the root itself. Empty when a segment does not exist or walks into a file.
   *
   * @throws InvalidContentPath when a segment is empty, {@code .}, {@code ..} or has a
   *     backslash or control character
   */
  Optional<Content> resolve(Cid root, String path);

  /** The entries of a stored directory; empty when the CID is no stored directory. */
  Optional<StoredDirectory> directory(Cid cid);
}
