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
    writeAtomically(path(record.cid(), ""), bytes);
    writeAtomically(path(record.cid(), ".file.json"), JSON.writeValueAsBytes(record));
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
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }
}
