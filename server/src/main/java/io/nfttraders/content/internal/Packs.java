package io.nfttraders.content.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Append-only pack files ({@code packs/<created>-<random>.pack}): the blobs of one write batch go
 * to the end of the current pack and become durable with one {@code fdatasync}, instead of one
 * file, rename and fsync per blob. Writers that finish their append at the same time share the
 * disk flush, so concurrent uploads commit as a group.
 *
 * <p>A process only appends to packs it created itself, so several server processes may share a
 * content directory; a pack is never rewritten, so readers need no lock. Bytes that a crash left
 * after the last blob someone was told about are never referenced (the index only learns a
 * location after its flush) and are simply ignored.
 */
final class Packs {

  /** Where a blob lies. */
  record Location(String pack, long offset, int length) {}

  private static final Pattern PACK_NAME = Pattern.compile("[0-9]{8}T[0-9]{6}-[0-9a-f]{8}\\.pack");
  private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path directory;
  private final long rotateAtBytes;
  private final Clock clock;
  private final ReentrantLock appending = new ReentrantLock();
  private @Nullable FileChannel current;
  private String currentName = "";
  private long end;

  Packs(Path directory, long rotateAtBytes, Clock clock) {
    this.directory = directory;
    this.rotateAtBytes = rotateAtBytes;
    this.clock = clock;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + directory, e);
    }
  }

  /** Appends the blobs, in order, and returns once they are on disk. */
  List<Location> append(List<byte[]> blobs) {
    if (blobs.isEmpty()) {
      return List.of();
    }
    List<Location> locations = new ArrayList<>(blobs.size());
    FileChannel channel;
    appending.lock();
    try {
      if (current == null || end >= rotateAtBytes) {
        startPack();
      }
      channel = current;
      long position = end;
      for (byte[] blob : blobs) {
        writeFully(channel, blob, position);
        locations.add(new Location(currentName, position, blob.length));
        position += blob.length;
      }
      end = position; // only after every write succeeded: a failed batch is overwritten by the next
    } finally {
      appending.unlock();
    }
    try {
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush pack " + locations.getFirst().pack(), e);
    }
    return locations;
  }

  /** Bytes {@code first} to {@code last} (inclusive, relative to the blob) of a stored blob. */
  InputStream open(Location location, long first, long last) throws IOException {
    if (first < 0 || last < first - 1 || last >= location.length()) {
      throw new IllegalArgumentException("range " + first + "-" + last + " outside a blob of " + location.length() + " bytes");
    }
    FileChannel channel = FileChannel.open(path(location.pack()), StandardOpenOption.READ);
    try {
      channel.position(location.offset() + first);
      return new RangeInputStream(Channels.newInputStream(channel), last - first + 1);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  byte[] read(Location location) {
    try (InputStream in = open(location, 0, location.length() - 1)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pack " + location.pack(), e);
    }
  }

  /** Closes the pack being appended to; the next append starts a new one. */
  void close() {
    appending.lock();
    try {
      if (current != null) {
        current.close();
        current = null;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close pack " + currentName, e);
    } finally {
      appending.unlock();
    }
  }

  private void startPack() {
    close();
    String name = CREATED.format(clock.instant()) + "-" + HexFormat.of().toHexDigits(RANDOM.nextInt()) + ".pack";
    try {
      current = FileChannel.open(path(name), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      syncDirectory(); // the new name must survive a crash like the bytes in it
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create pack " + name, e);
    }
    currentName = name;
    end = 0;
  }

  /** Names come from the index, which we wrote; still, never let one leave the pack directory. */
  private Path path(String pack) {
    if (!PACK_NAME.matcher(pack).matches()) {
      throw new IllegalStateException("not a pack name: " + pack);
    }
    return directory.resolve(pack);
  }

  private void syncDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    }
  }

  private static void writeFully(FileChannel channel, byte[] blob, long position) {
    ByteBuffer buffer = ByteBuffer.wrap(blob);
    long at = position;
    try {
      while (buffer.hasRemaining()) {
        at += channel.write(buffer, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to a pack", e);
    }
  }
}
