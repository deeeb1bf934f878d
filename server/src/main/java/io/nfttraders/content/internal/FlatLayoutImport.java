package io.nfttraders.content.internal;

import io.nfttraders.content.internal.ContentBackend.DirectoryRecord;
import io.nfttraders.content.internal.ContentBackend.FileRecord;
import io.nfttraders.content.internal.ContentBackend.PendingFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves content of the first local layout (one file per CID, {@code xy/<cid>} with
 * {@code xy/<cid>.file.json} or {@code xy/<cid>.dir.json}, {@code tmp/}) into packs. Idempotent:
 * the old files go only after everything is indexed, so a crash during the import repeats it.
 */
final class FlatLayoutImport {

  private static final Logger log = LoggerFactory.getLogger(FlatLayoutImport.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int BATCH_FILES = 500;
  private static final long BATCH_BYTES = 64L << 20; // files may be 10 MB each: bound the memory, not only the count

  private FlatLayoutImport() {}

  static void run(Path root, LocalContentBackend backend) {
    List<Path> shards = shards(root);
    if (shards.isEmpty()) {
      return;
    }
    try {
      List<PendingFile> files = new ArrayList<>();
      List<DirectoryRecord> directories = new ArrayList<>();
      int imported = 0;
      long batchBytes = 0;
      for (Path shard : shards) {
        for (Path record : list(shard)) {
          String name = record.getFileName().toString();
          if (name.endsWith(".file.json")) {
            FileRecord file = JSON.readValue(Files.readAllBytes(record), FileRecord.class);
            byte[] bytes = Files.readAllBytes(shard.resolve(file.cid().value()));
            files.add(new PendingFile(file, bytes));
            batchBytes += bytes.length;
          } else if (name.endsWith(".dir.json")) {
            directories.add(JSON.readValue(Files.readAllBytes(record), DirectoryRecord.class));
          }
          if (files.size() == BATCH_FILES || batchBytes >= BATCH_BYTES) {
            backend.putFiles(files);
            imported += files.size();
            files.clear();
            batchBytes = 0;
          }
        }
      }
      backend.putFiles(files);
      imported += files.size();
      directories.forEach(backend::putDirectory);
      for (Path old : Stream.concat(shards.stream(), Stream.of(root.resolve("tmp"))).toList()) {
        deleteTree(old);
      }
      log.info("moved {} files and {} directories of the one-file-per-CID layout into packs under {}", imported, directories.size(), root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot import the content under " + root, e);
    }
  }

  private static List<Path> shards(Path root) {
    try (Stream<Path> children = Files.exists(root) ? Files.list(root) : Stream.empty()) {
      return children.filter(p -> Files.isDirectory(p) && p.getFileName().toString().length() == 2).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static List<Path> list(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }

  private static void deleteTree(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
