package io.nfttraders.txmanager.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionStatus;
import io.nfttraders.txmanager.TransactionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL for the transaction rows shared by the pipeline steps and the queries. */
@Component
public class TransactionRows {

  private static final String VIEW_COLUMNS =
      "id, chain_id, kind, from_address, to_address, nonce, tx_hash, status, block_number, gas_used, last_error, created_at, updated_at";

  private final JdbcClient jdbc;
  private final Clock clock;

  TransactionRows(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Timestamp now() {
    return Timestamp.from(clock.instant());
  }

  Instant instant() {
    return clock.instant();
  }

  Timestamp in(Duration delay) {
    return Timestamp.from(clock.instant().plus(delay));
  }

  void history(UUID id, TransactionStatus status, @Nullable String detail) {
    jdbc.sql("insert into chain_transaction_history (transaction_id, status, detail, at) values (:id, :status, :detail, :at)")
        .param("id", id)
        .param("status", status.name())
        .param("detail", detail)
        .param("at", now())
        .update();
  }

  /** One history line per transaction, in one statement; {@code details} in the order of {@code ids}. */
  void histories(List<UUID> ids, TransactionStatus status, List<String> details) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("""
            insert into chain_transaction_history (transaction_id, status, detail, at)
            select id, :status, detail, :at from unnest(:ids::uuid[], :details::text[]) as v(id, detail)
            """)
        .param("status", status.name())
        .param("at", now())
        .param("ids", ids.toArray(UUID[]::new))
        .param("details", details.toArray(String[]::new))
        .update();
  }

  /** {@link #rememberHash} for many transactions in one statement. */
  void rememberHashes(List<UUID> ids, List<String> hashes) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql("""
            insert into chain_transaction_hashes (tx_hash, transaction_id, created_at)
            select hash, id, :now from unnest(:ids::uuid[], :hashes::text[]) as v(id, hash)
            on conflict do nothing
            """)
        .param("now", now())
        .param("ids", ids.toArray(UUID[]::new))
        .param("hashes", hashes.toArray(String[]::new))
        .update();
  }

  /** {@link #transition} for many: returns the ids that were still in {@code from}; their history gets {@code detail}. */
  List<UUID> transitionAll(List<UUID> ids, TransactionStatus from, TransactionStatus to, Map<UUID, String> details) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<UUID> moved = jdbc.sql("update chain_transactions set status = :to, updated_at = :now where id = any(:ids) and status = :from returning id")
        .param("to", to.name())
        .param("now", now())
        .param("ids", ids.toArray(UUID[]::new))
        .param("from", from.name())
        .query(UUID.class)
        .list();
    histories(moved, to, moved.stream().map(details::get).toList());
    return moved;
  }

  /** Every signed version's hash: a receipt for any of them settles the transaction. */
  void rememberHash(UUID id, String hash) {
    jdbc.sql("insert into chain_transaction_hashes (tx_hash, transaction_id, created_at) values (:hash, :id, :now) on conflict do nothing")
        .param("hash", hash)
        .param("id", id)
        .param("now", now())
        .update();
  }

  /** Moves a transaction on only if it is still where the caller saw it (several instances may race). */
  boolean transition(UUID id, TransactionStatus from, TransactionStatus to, @Nullable String detail) {
    int updated = jdbc.sql("update chain_transactions set status = :to, updated_at = :now where id = :id and status = :from")
        .param("to", to.name())
        .param("now", now())
        .param("id", id)
        .param("from", from.name())
        .update();
    if (updated == 1) {
      history(id, to, detail);
    }
    return updated == 1;
  }

  /** Try again later, counting the attempt (refusals); only while the row is still in {@code status}. */
  void retryLater(UUID id, TransactionStatus status, int attempts, Duration delay, String error) {
    jdbc.sql("""
            update chain_transactions set attempts = :attempts, next_attempt_at = :next, last_error = :error, updated_at = :now
            where id = :id and status = :status
            """)
        .param("attempts", attempts)
        .param("next", in(delay))
        .param("error", error)
        .param("now", now())
        .param("id", id)
        .param("status", status.name())
        .update();
  }

  /** Try again later without counting an attempt (the node was unreachable: not the transaction's fault). */
  void defer(UUID id, TransactionStatus status, Duration delay, String error) {
    jdbc.sql("update chain_transactions set next_attempt_at = :next, last_error = :error where id = :id and status = :status")
        .param("next", in(delay))
        .param("error", error)
        .param("id", id)
        .param("status", status.name())
        .update();
  }

  public Optional<TransactionView> find(TransactionId id) {
    return withHistory(jdbc.sql("select " + VIEW_COLUMNS + " from chain_transactions where id = :id")
        .param("id", id.value())
        .query((rs, n) -> view(rs))
        .list()).stream().findFirst();
  }

  public Optional<TransactionView> findByHash(String hash) {
    return jdbc.sql("select transaction_id from chain_transaction_hashes where tx_hash = :hash")
        .param("hash", hash.toLowerCase())
        .query(UUID.class)
        .optional()
        .flatMap(id -> find(new TransactionId(id)));
  }

  /** Our transactions mined (or sent) under these hashes, by hash; hashes we never sent are left out. */
  public Map<String, TransactionId> idsByHash(Collection<String> hashes) {
    Map<String, TransactionId> ids = new HashMap<>();
    jdbc.sql("select tx_hash, transaction_id from chain_transaction_hashes where tx_hash = any(:hashes)")
        .param("hashes", hashes.stream().map(String::toLowerCase).toArray(String[]::new))
        .query((rs, n) -> ids.put(rs.getString(1), new TransactionId(rs.getObject(2, UUID.class))))
        .list();
    return ids;
  }

  boolean isRequestedBy(TransactionId id, UUID user) {
    return jdbc.sql("select count(*) from chain_transactions where id = :id and requested_by = :user")
        .param("id", id.value())
        .param("user", user)
        .query(Long.class)
        .single() > 0;
  }

  public List<TransactionView> requestedBy(UUID user, int limit) {
    return withHistory(jdbc.sql("select " + VIEW_COLUMNS + " from chain_transactions where requested_by = :user order by created_at desc limit :limit")
        .param("user", user)
        .param("limit", limit)
        .query((rs, n) -> view(rs))
        .list());
  }

  /** Histories in one query after the rows are read: a query per row inside the row mapper would hold two connections. */
  private List<TransactionView> withHistory(List<TransactionView> views) {
    if (views.isEmpty()) {
      return views;
    }
    Map<UUID, List<TransactionView.StatusChange>> histories = new HashMap<>();
    jdbc.sql("select transaction_id, status, detail, at from chain_transaction_history where transaction_id = any(:ids) order by id")
        .param("ids", views.stream().map(v -> v.id().value()).toArray(UUID[]::new))
        .query(rs -> {
          histories.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
              .add(new TransactionView.StatusChange(TransactionStatus.valueOf(rs.getString(2)), rs.getString(3), rs.getTimestamp(4).toInstant()));
        });
    return views.stream()
        .map(v -> new TransactionView(v.id(), v.chainId(), v.kind(), v.from(), v.to(), v.nonce(), v.hash(), v.status(), v.blockNumber(),
            v.gasUsed(), v.error(), v.createdAt(), v.updatedAt(), List.copyOf(histories.getOrDefault(v.id().value(), List.of()))))
        .toList();
  }

  private static TransactionView view(ResultSet rs) throws SQLException {
    return new TransactionView(
        new TransactionId(rs.getObject("id", UUID.class)),
        ChainId.of(rs.getLong("chain_id")),
        rs.getString("kind"),
        Address.of(rs.getString("from_address")),
        rs.getString("to_address") == null ? null : Address.of(rs.getString("to_address")),
        (Long) rs.getObject("nonce"),
        rs.getString("tx_hash"),
        TransactionStatus.valueOf(rs.getString("status")),
        (Long) rs.getObject("block_number"),
        (Long) rs.getObject("gas_used"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant(),
        List.of());
  }
}
