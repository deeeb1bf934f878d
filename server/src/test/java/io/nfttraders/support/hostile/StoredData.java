package io.nfttraders.support.hostile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything the server stores, as a row count and a checksum per table of every schema it uses
 * (listed from information_schema, so a new table is covered without a change here), and when it
 * is safe to take them: the shared server's background work (transactions on their way to the
 * chain, the indexer following it, auctions closing, webhooks retried, event publications) would
 * otherwise change tables while the variants run.
 */
public final class StoredData {

  /** Per table ("schema.table"): row count and checksum. */
  public record Snapshot(Map<String, String> tables) {
    public Map<String, String> differences(Snapshot after, Set<String> ignored) {
      Map<String, String> changed = new TreeMap<>();
      Set<String> names = new java.util.TreeSet<>(tables.keySet());
      names.addAll(after.tables.keySet());
      names.stream().filter(t -> !ignored.contains(t) && !String.valueOf(tables.get(t)).equals(String.valueOf(after.tables.get(t))))
          .forEach(t -> changed.put(t, tables.get(t) + " -> " + after.tables.get(t)));
      return changed;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(StoredData.class);

  /**
   * Work the server has yet to do by itself, each a count that is 0 when there is none. These name
   * tables of the application, on purpose: only what can still change without a request.
   */
  private static final List<String> PENDING_WORK = List.of(
      "select count(*) from chain_transactions where status not in ('CONFIRMED', 'FAILED') and next_attempt_at < now() + interval '2 minutes'",
      // a publication whose listener failed stays incomplete for good: only recent ones are work under way
      "select count(*) from event_publication where completion_date is null and publication_date > now() - interval '2 minutes'",
      "select count(*) from webhook_deliveries where state = 'PENDING' and next_attempt_at < now() + interval '2 minutes'",
      """
      select count(*) from auctions a where a.phase = 'ENDED' or a.phase = 'OPEN' and exists (
        select 1 from auction_events e where e.auction_id = a.id and e.ends_at < now() + interval '2 minutes'
          and e.seq = (select max(seq) from auction_events l where l.auction_id = a.id))
      """);

  private final JdbcClient jdbc;
  private final List<String> tables;

  public StoredData(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.tables = jdbc.sql("""
        select table_schema || '.' || table_name from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') and table_schema not like 'pg_toast%'
        order by 1
        """).query(String.class).list();
  }

  public List<String> tables() {
    return tables;
  }

  /** One reading: every table's row count and the md5 of its rows' text in order. */
  public Snapshot read() {
    StringBuilder sql = new StringBuilder();
    for (String table : tables) {
      sql.append(sql.isEmpty() ? "" : " union all ").append("select '").append(table).append("', count(*) || ' rows, md5 ' || ")
          .append("coalesce(md5(string_agg(t::text, ',' order by t::text)), '-') from ").append(quoted(table)).append(" t");
    }
    Map<String, String> tableSums = new LinkedHashMap<>();
    jdbc.sql(sql.toString()).query((row, n) -> tableSums.put(row.getString(1), row.getString(2))).list();
    return new Snapshot(tableSums);
  }

  /**
   * Waits until the server has no work of its own due (at most {@code patience}; what is still due
   * then is logged) and then until two readings a second apart agree, which it returns.
   */
  public Snapshot quiescent(Duration patience) {
    Instant giveUp = Instant.now().plus(patience);
    List<String> pending = pending();
    while (!pending.isEmpty() && Instant.now().isBefore(giveUp)) {
      sleep(Duration.ofMillis(250));
      pending = pending();
    }
    if (!pending.isEmpty()) {
      log.warn("the server still has work of its own due after {}: {}", patience, pending);
    }
    Snapshot previous = read();
    while (true) {
      sleep(Duration.ofSeconds(1));
      Snapshot next = read();
      if (next.equals(previous)) {
        return next;
      }
      if (Instant.now().isAfter(giveUp.plus(patience))) {
        throw new IllegalStateException("the stored data never settled; still changing: " + previous.differences(next, Set.of()).keySet());
      }
      previous = next;
    }
  }

  private List<String> pending() {
    List<String> due = new ArrayList<>();
    for (String query : PENDING_WORK) {
      long count = jdbc.sql(query).query(Long.class).single();
      if (count > 0) {
        due.add(count + " from: " + query.strip().replaceAll("\\s+", " "));
      }
    }
    return due;
  }

  private static String quoted(String table) {
    String[] parts = table.split("\\.", 2);
    return "\"" + parts[0] + "\".\"" + parts[1] + "\"";
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
