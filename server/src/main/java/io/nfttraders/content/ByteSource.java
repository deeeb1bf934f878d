package io.nfttraders.content;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where stored bytes are read from, a range at a time, so that serving a slice of a big file
 * neither loads nor reads the rest of it.
 */
@FunctionalInterface
public interface ByteSource {

  /**
   * A stream of the bytes from {@code first} to {@code last}, both inclusive (HTTP's range
   * convention), with {@code 0 <= first <= last < size}. The caller closes it.
   */
  InputStream openRange(long first, long last) throws IOException;
}
