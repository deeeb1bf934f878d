package io.nfttraders.platform.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Says so at startup when the database would acknowledge a commit before it is safe on disk. The
 * server answers an accepted bid, a trade or a signed transaction only after its commit; with
 * {@code synchronous_commit} or {@code fsync} off, a crash of the database or its machine can lose
 * what was already answered. The embedded database is configured safely; an external one is the
 * operator's, so this warns rather than refuses (a deliberate choice, e.g. with synchronous
 * replication standing in for the local flush, stays possible).
 */
@Component
class CommitDurability {

  private static final Logger log = LoggerFactory.getLogger(CommitDurability.class);

  private final JdbcClient jdbc;

  CommitDurability(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  void warnIfUnsafe() {
    try {
      for (String unsafe : unsafeSettings()) {
        log.warn("database setting {}: acknowledged commits (accepted bids included) can be lost in a crash", unsafe);
      }
    } catch (DataAccessException e) {
      // a warning's check must not stop a server that is otherwise ready
      log.warn("could not read the database's commit settings; durability not checked", e);
    }
  }

  /** The settings our sessions get from the database under which a commit returns before its WAL is flushed. */
  List<String> unsafeSettings() {
    return unsafe(jdbc.sql("select current_setting('fsync'), current_setting('synchronous_commit')")
        .query((rs, n) -> Map.of("fsync", rs.getString(1), "synchronous_commit", rs.getString(2)))
        .single());
  }

  /** The settings, as {@code name=value}, under which a commit returns before its WAL is flushed. */
  static List<String> unsafe(Map<String, String> settings) {
    List<String> unsafe = new ArrayList<>();
    if ("off".equals(settings.get("fsync"))) {
      unsafe.add("fsync=off");
    }
    // "local", "remote_write", "on" and "remote_apply" all wait for the local flush; only "off" does not
    if ("off".equals(settings.get("synchronous_commit"))) {
      unsafe.add("synchronous_commit=off");
    }
    return unsafe;
  }
}
