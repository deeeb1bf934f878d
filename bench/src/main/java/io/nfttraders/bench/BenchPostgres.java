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
    EmbeddedPostgres.Builder postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
        .setServerConfig("max_connections", Integer.toString(maxConnections))
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on");
    // BENCH_POSTGRES_OPTIONS="name=value,...": settings to try against the defaults in the same bench
    String options = System.getenv().getOrDefault("BENCH_POSTGRES_OPTIONS", "");
    for (String option : options.split(",")) {
      if (!option.isBlank()) {
        String[] nameValue = option.split("=", 2);
        postgres.setServerConfig(nameValue[0].trim(), nameValue[1].trim());
      }
    }
    return postgres;
  }
}
