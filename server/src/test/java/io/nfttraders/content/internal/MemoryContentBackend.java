package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** For tests of what sits above a back end (CIDs, the gateway's checks): content in memory. */
final class MemoryContentBackend implements ContentBackend {

  private final Map<Cid, PendingFile> files = new ConcurrentHashMap<>();
  private final Map<Cid, DirectoryRecord> directories = new ConcurrentHashMap<>();

  @Override
  public Optional<FileRecord> file(Cid cid) {
    return Optional.ofNullable(files.get(cid)).map(PendingFile::record);
  }

  @Override
  public void putFiles(List<PendingFile> pending) {
    pending.forEach(f -> files.putIfAbsent(f.record().cid(), f));
  }

  @Override
  public InputStream openRange(Cid cid, long first, long last) throws NoSuchFileException {
    PendingFile file = files.get(cid);
    if (file == null) {
      throw new NoSuchFileException(cid.value());
    }
    return new ByteArrayInputStream(file.bytes(), (int) first, (int) (last - first + 1));
  }

  @Override
  public Optional<DirectoryRecord> directory(Cid cid) {
    return Optional.ofNullable(directories.get(cid));
  }

  @Override
  public void putDirectory(DirectoryRecord record) {
    directories.putIfAbsent(record.cid(), record);
  }
}
