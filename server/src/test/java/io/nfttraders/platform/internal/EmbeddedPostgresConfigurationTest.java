package io.nfttraders.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.support.MarketplaceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded database keeps what it has acknowledged: a commit returns only once its WAL is on disk. */
@MarketplaceTest
class EmbeddedPostgresConfigurationTest {

  @Autowired JdbcClient jdbc;

  @Test
  void aCommitWaitsForTheWriteAheadLogToReachTheDisk() {
    assertThat(setting("fsync")).isEqualTo("on");
    assertThat(setting("synchronous_commit")).isEqualTo("on");
    // a torn page could otherwise not be repaired from the log after a crash
    assertThat(setting("full_page_writes")).isEqualTo("on");
  }

  private String setting(String name) {
    return jdbc.sql("select setting from pg_settings where name = :name").param("name", name).query(String.class).single();
  }
}
