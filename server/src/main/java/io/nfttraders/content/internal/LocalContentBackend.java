package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content in a local directory ({@code <data-dir>/content}):
 *
 * <pre>
 * xy/&lt;cid&gt;            the file's bytes (xy: the CID's next-to-last two characters)
 * xy/&lt;cid&gt;.file.json  its record; written after the bytes, so its presence means complete
 * xy/&lt;cid&gt;.dir.json   a directory's listing
 * tmp/                 files being written, moved into place atomically, removed on start
 * </pre>
 *
 * CIDs all start alike ({@code bafkrei}, {@code bafybei}) but end in hash bits, so the shards
 * fill evenly, as kubo's flatfs does with the same choice of characters.
 */
final class LocalContentBackend implements ContentBackend {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Path root;
  private final Path tmp;

  LocalContentBackend(Path root) {
    this.root = root;
    this.tmp = root.resolve("tmp");
    try {
      Files.createDirectories(tmp);
      try (var leftovers = Files.list(tmp)) {
        for (Path leftover : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(leftover); // a write interrupted by a crash
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare content directory " + root, e);
    }
  }

  @Override
  public Optional<FileRecord> file(Cid cid) {
    return readJson(path(cid, ".file.json"), FileRecord.class);
  }

  @Override
  public void putFile(FileRecord record, byte[] bytes) {
    if (Files.exists(path(record.cid(), ".file.json"))) {
      return;
    }
    Path data = path(record.cid(), "");
    Path meta = path(record.cid(), ".file.json");
    byte[] metaBytes = JSON.writeValueAsBytes(record);
    // fsync latency, not bandwidth, is what an upload waits for: both temp files are written and
    // synced at the same time, then renamed bytes first (the record's presence still means the
    // bytes are complete) and the shard directory synced once, so the renames survive a crash.
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Path> dataTemp = executor.submit(() -> writeSynced(data, bytes));
      Future<Path> metaTemp = executor.submit(() -> writeSynced(meta, metaBytes));
      move(dataTemp.get(), data);
      move(metaTemp.get(), meta);
      syncDirectory(data.getParent());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing " + record.cid(), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof UncheckedIOException io ? io : new UncheckedIOException("cannot store " + record.cid(), new IOException(e.getCause()));
    }
  }

  @Override
  public InputStream openRange(Cid cid, long first, long last) throws IOException {
    FileChannel channel = FileChannel.open(path(cid, ""), StandardOpenOption.READ);
    try {
      channel.position(first);
      return new RangeInputStream(Channels.newInputStream(channel), last - first + 1);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public Optional<DirectoryRecord> directory(Cid cid) {
    return readJson(path(cid, ".dir.json"), DirectoryRecord.class);
  }

  @Override
  public void putDirectory(DirectoryRecord record) {
    if (!Files.exists(path(record.cid(), ".dir.json"))) {
      writeAtomically(path(record.cid(), ".dir.json"), JSON.writeValueAsBytes(record));
    }
  }

  private Path path(Cid cid, String suffix) {
    String value = cid.value();
    return root.resolve(value.substring(value.length() - 3, value.length() - 1)).resolve(value + suffix);
  }

  private <T> Optional<T> readJson(Path file, Class<T> type) {
    try {
      return Optional.of(JSON.readValue(Files.readAllBytes(file), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Written and synced under tmp/, then renamed: a crash leaves the old state or the new one. */
  private void writeAtomically(Path target, byte[] bytes) {
    move(writeSynced(target, bytes), target);
    syncDirectory(target.getParent());
  }

  /** The bytes in a synced temp file under tmp/, ready to be moved to {@code target}. */
  private Path writeSynced(Path target, byte[] bytes) {
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(tmp, target.getFileName().toString(), ".tmp");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      return temp;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  private static void move(Path temp, Path target) {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** A rename is durable only once its directory is synced. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot sync " + directory, e);
    }
  }
}
