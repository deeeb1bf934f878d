package io.nfttraders.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Something the store can send: a file, or a directory as its JSON listing
 * ({@value #DIRECTORY_LISTING_TYPE}, {@code {"cid":..., "entries":[{"name","cid","size"}]}}).
 *
 * @param size the number of bytes {@link #bytes} yields
 * @param mediaType the stored media type of a file, {@code application/json} for a listing
 */
public record Content(Cid cid, long size, String mediaType, ByteSource bytes) {

  public static final String DIRECTORY_LISTING_TYPE = "application/json";

  public Content {
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(bytes, "bytes");
    MediaTypes.requireValid(mediaType);
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
  }

  /** All bytes as a stream; the caller closes it. */
  public InputStream openStream() throws IOException {
    return size == 0 ? InputStream.nullInputStream() : bytes.openRange(0, size - 1);
  }

  /** All bytes in memory: for metadata and other small content only. */
  public byte[] readAllBytes() {
    try (InputStream in = openStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + cid, e);
    }
  }
}
