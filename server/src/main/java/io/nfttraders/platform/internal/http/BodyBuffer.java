package io.nfttraders.platform.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A request body as it arrives: in memory up to a threshold, then in a temporary file, so an upload
 * of tens of megabytes does not sit on the heap. Not thread-safe: one reader fills it.
 */
final class BodyBuffer implements AutoCloseable {

  private final int memoryThreshold;
  private byte[] memory;
  private long size;
  private @Nullable Path file;
  private @Nullable OutputStream fileOut;

  /** @param expectedSize the declared length, if any (-1): a body that keeps its word is read without a copy */
  BodyBuffer(int memoryThreshold, long expectedSize) {
    this.memoryThreshold = memoryThreshold;
    this.memory = new byte[(int) Math.min(memoryThreshold, Math.max(1024, expectedSize))];
  }

  /**
   * Reads what {@code in} holds straight into the buffer while the body stays in memory (the common
   * case: a small body that came with its headers); -1 at the end of the stream.
   */
  int readFrom(InputStream in) throws IOException {
    if (fileOut != null || size == memory.length) {
      byte[] chunk = new byte[8192];
      int n = in.read(chunk);
      if (n > 0) {
        append(chunk, 0, n);
      }
      return n;
    }
    int n = in.read(memory, (int) size, memory.length - (int) size);
    if (n > 0) {
      size += n;
    }
    return n;
  }

  long size() {
    return size;
  }

  void append(byte[] bytes, int off, int len) throws IOException {
    if (fileOut == null && size + len > memoryThreshold) {
      file = Files.createTempFile("nft-body-", ".part");
      fileOut = Files.newOutputStream(file);
      fileOut.write(memory, 0, (int) size);
      memory = new byte[0];
    }
    if (fileOut != null) {
      fileOut.write(bytes, off, len);
    } else {
      if (size + len > memory.length) {
        memory = Arrays.copyOf(memory, (int) Math.min(memoryThreshold, Math.max(size + len, memory.length * 2L)));
      }
      System.arraycopy(bytes, off, memory, (int) size, len);
    }
    size += len;
  }

  /** Whether the bytes are UTF-8, strictly: no overlong forms or encoded surrogates, which lenient decoders take. */
  boolean isUtf8() {
    try (InputStream in = open()) {
      ByteBuffer bytes = file == null ? ByteBuffer.wrap(memory, 0, (int) size) : ByteBuffer.wrap(in.readAllBytes());
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every byte received; call once the body is complete. */
  InputStream open() {
    try {
      if (fileOut != null) {
        fileOut.close();
        fileOut = null;
      }
      return file != null ? Files.newInputStream(file) : new ByteArrayInputStream(memory, 0, (int) size);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      if (fileOut != null) {
        fileOut.close();
      }
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not remove the temporary body " + file, e);
    }
  }
}
