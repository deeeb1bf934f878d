package io.nfttraders.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/** The PostgreSQL a bench starts itself, configured as durably as the server's embedded one. */
final class BenchPostgres {

  private BenchPostgres() {}

  /**
   * A fresh cluster in {@code directory}. zonky's builder turns synchronous_commit off; the server's
   * embedded database turns it back on, and so does this, so that a commit measured here waits for the
   * WAL flush as it does when the server runs.
   */
  static EmbeddedPostgres.Builder fresh(Path directory, int maxConnections) {
    return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
        .setServerConfig("max_connections", Integer.toString(maxConnections))
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on");
  }
}
