package io.nfttraders.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * What the bench's PostgreSQL spent its time on during a load ({@code --postgres-statements=true}):
 * pg_stat_statements, counting statements run inside triggers too (foreign-key checks), reset
 * before the load and printed after it.
 */
final class PostgresStatements {

  private PostgresStatements() {}

  static EmbeddedPostgres.Builder loadedInto(EmbeddedPostgres.Builder postgres) {
    return postgres.setServerConfig("shared_preload_libraries", "pg_stat_statements").setServerConfig("pg_stat_statements.track", "all")
        .setServerConfig("track_io_timing", "on");
  }

  static void reset(DataSource database) {
    execute(database, "create extension if not exists pg_stat_statements; select pg_stat_statements_reset()");
  }

  static void print(DataSource database, String load, int limit) {
    try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
        select calls, total_exec_time, total_exec_time / greatest(calls, 1) as mean, rows,
               left(regexp_replace(query, '\\s+', ' ', 'g'), 150) as query
        from pg_stat_statements order by total_exec_time desc
        """ + " limit " + limit)) {
      System.out.println("PostgreSQL during " + load + ": calls, total ms, mean ms, rows, statement");
      while (rs.next()) {
        System.out.printf("  %8d %10.1f %8.3f %8d  %s%n", rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getString(5));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void execute(DataSource database, String sql) {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
