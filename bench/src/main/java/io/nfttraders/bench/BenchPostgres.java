package io.nfttraders.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.Map;

/** The PostgreSQL a bench starts itself, configured as durably as the server's embedded one. */
final class BenchPostgres {

  private BenchPostgres() {}

  /**
   * A fresh cluster in {@code directory} with the bench's own {@code settings}. zonky's builder turns
   * synchronous_commit off; the server's embedded database turns it back on, and so does this, so
   * that a commit measured here waits for the WAL flush as it does when the server runs. Settings in
   * {@code BENCH_POSTGRES_OPTIONS=name=value,...} come last, so a trial can change any of them.
   */
  static EmbeddedPostgres.Builder fresh(Path directory, int maxConnections, Map<String, String> settings) {
    EmbeddedPostgres.Builder postgres = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
        .setServerConfig("max_connections", Integer.toString(maxConnections))
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on");
    settings.forEach(postgres::setServerConfig);
    for (String option : System.getenv().getOrDefault("BENCH_POSTGRES_OPTIONS", "").split(",")) {
      if (option.isBlank()) {
        continue;
      }
      int equals = option.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("BENCH_POSTGRES_OPTIONS takes name=value pairs separated by commas, got: " + option);
      }
      postgres.setServerConfig(option.substring(0, equals).trim(), option.substring(equals + 1).trim());
    }
    return postgres;
  }
}
