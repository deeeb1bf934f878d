package io.nfttraders.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.support.MarketplaceTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Which database settings let a commit be acknowledged before it is on disk, read from PostgreSQL itself. */
@MarketplaceTest
class CommitDurabilityTest {

  @Autowired DataSource dataSource;

  @Test
  void theServersDatabaseIsSafeAndASessionWithAsynchronousCommitsIsNamed() throws Exception {
    assertThat(new CommitDurability(JdbcClient.create(dataSource)).unsafeSettings()).isEmpty();

    try (Connection connection = dataSource.getConnection(); Statement session = connection.createStatement()) {
      session.execute("set synchronous_commit = off");
      try {
        CommitDurability asynchronous = new CommitDurability(JdbcClient.create(new SingleConnectionDataSource(connection, true)));
        assertThat(asynchronous.unsafeSettings()).containsExactly("synchronous_commit=off");
      } finally {
        // the connection goes back to the server's pool
        session.execute("reset synchronous_commit");
      }
    }
  }

  @Test
  void commitsThatWaitForTheLocalFlushAreSafe() {
    for (String level : new String[] {"on", "local", "remote_write", "remote_apply"}) {
      assertThat(CommitDurability.unsafe(Map.of("fsync", "on", "synchronous_commit", level))).as(level).isEmpty();
    }
  }

  @Test
  void asynchronousCommitsOrNoFsyncAreNamed() {
    assertThat(CommitDurability.unsafe(Map.of("fsync", "on", "synchronous_commit", "off"))).containsExactly("synchronous_commit=off");
    assertThat(CommitDurability.unsafe(Map.of("fsync", "off", "synchronous_commit", "on"))).containsExactly("fsync=off");
    assertThat(CommitDurability.unsafe(Map.of("fsync", "off", "synchronous_commit", "off"))).containsExactly("fsync=off", "synchronous_commit=off");
  }
}
