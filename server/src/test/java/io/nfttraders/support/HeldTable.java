package io.nfttraders.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * A table locked against writes (reads go on) until closed: how a spec makes a writer slow, as a
 * stalled disk or a busy database would, without touching the code under test.
 */
public final class HeldTable implements AutoCloseable {

  private final Connection connection;

  private HeldTable(Connection connection) {
    this.connection = connection;
  }

  public static HeldTable lockAgainstWrites(DataSource dataSource, String table) throws SQLException {
    Connection connection = dataSource.getConnection();
    try {
      connection.setAutoCommit(false);
      try (Statement lock = connection.createStatement()) {
        lock.execute("lock table " + table + " in exclusive mode");
      }
      return new HeldTable(connection);
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
  }

  /** Lets the writers through. */
  @Override
  public void close() throws SQLException {
    try {
      connection.rollback();
    } finally {
      connection.close();
    }
  }
}
