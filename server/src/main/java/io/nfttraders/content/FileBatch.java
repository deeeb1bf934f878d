package io.nfttraders.content;

/**
 * Files stored together: each file's CID is known as soon as it is added, and {@link #commit}
 * stores all of them with as few durable writes as the back end allows (a drop's images and
 * metadata in one). Nothing is stored before {@link #commit}. For one request's thread: not
 * thread-safe.
 */
public interface FileBatch {

  /**
   * The file as it will be stored. If the same bytes are already stored, the store keeps that copy
   * and its media type.
   */
  StoredFile add(byte[] bytes, String mediaType);

  /** Stores every file added so far; when it returns, they are durable. */
  void commit();
}
