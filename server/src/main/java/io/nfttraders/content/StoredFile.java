package io.nfttraders.content;

import java.util.Objects;

/**
 * A file in the store.
 *
 * @param size its length in bytes
 * @param mediaType what the gateway sends as {@code Content-Type}
 */
public record StoredFile(Cid cid, long size, String mediaType) {

  public StoredFile {
    Objects.requireNonNull(cid, "cid");
    MediaTypes.requireValid(mediaType);
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
  }
}
