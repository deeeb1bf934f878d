package io.nfttraders.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where the embedded parts keep their state (PostgreSQL cluster, dev chain state, local key
 * encryption keyset). Restarting on the same directory keeps every row, block and key.
 */
public record DataDirectory(Path root) {

  public DataDirectory {
    root = root.toAbsolutePath().normalize();
  }

  /** A sub-directory, created owner-only on first use because it may hold secrets or the database. */
  public Path resolve(String name) {
    Path dir = root.resolve(name);
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create data directory " + dir, e);
    }
  }
}
