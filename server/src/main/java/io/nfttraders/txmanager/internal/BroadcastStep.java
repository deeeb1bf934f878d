package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.BroadcastResult;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.txmanager.TransactionStatus;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SIGNED -> SENT: broadcasts stored signed transactions, lowest nonce first, in JSON-RPC batches.
 * Sending the same bytes twice is harmless (same hash), which is what makes crash recovery and
 * several instances safe here.
 */
@Component
class BroadcastStep {

  private static final Logger log = LoggerFactory.getLogger(BroadcastStep.class);
  private static final int MAX_ATTEMPTS = 50;

  private record Signed(UUID id, String from, long chainId, String raw, String hash, int attempts) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final NonceAllocator nonces;
  private final TxManagerProperties properties;

  BroadcastStep(JdbcClient jdbc, TransactionTemplate transactions, TransactionRows rows, ChainClient chain, NonceAllocator nonces,
      TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.rows = rows;
    this.chain = chain;
    this.nonces = nonces;
    this.properties = properties;
  }

  int run() {
    List<Signed> due = jdbc.sql("""
            select id, from_address, chain_id, raw_tx, tx_hash, attempts from chain_transactions
            where status = 'SIGNED' and next_attempt_at <= :now order by from_address, nonce limit :limit
            """)
        .param("now", rows.now())
        .param("limit", properties.batchSize())
        .query((rs, n) -> new Signed(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6)))
        .list();
    if (due.isEmpty()) {
      return 0;
    }
    List<BroadcastResult> results;
    try {
      results = chain.sendRawTransactions(due.stream().map(Signed::raw).toList());
    } catch (ChainUnavailable down) {
      transactions.executeWithoutResult(s -> due.forEach(tx -> retryLater(tx, "node unavailable: " + down.getMessage())));
      log.warn("broadcast of {} transactions deferred: node unavailable", due.size());
      return 0;
    }
    transactions.executeWithoutResult(s -> {
      for (int i = 0; i < due.size(); i++) {
        settle(due.get(i), results.get(i));
      }
    });
    return due.size();
  }

  private void settle(Signed tx, BroadcastResult result) {
    if (result.isAccepted()) {
      markSent(tx, null);
      return;
    }
    switch (result.refusal()) {
      case ALREADY_KNOWN -> markSent(tx, "already known to the node");
      case NONCE_TOO_LOW -> nonceTooLow(tx);
      case UNDERPRICED, INSUFFICIENT_FUNDS -> retryLater(tx, result.error());
      case OTHER -> {
        if (tx.attempts() + 1 >= MAX_ATTEMPTS) {
          jdbc.sql("update chain_transactions set last_error = :error where id = :id").param("error", result.error()).param("id", tx.id()).update();
          rows.transition(tx.id(), TransactionStatus.SIGNED, TransactionStatus.FAILED, "refused by the node: " + result.error());
          log.error("transaction refused for good id={} hash={} error={}", tx.id(), tx.hash(), result.error());
        } else {
          retryLater(tx, result.error());
        }
      }
    }
  }

  private void markSent(Signed tx, @Nullable String detail) {
    int updated = jdbc.sql("update chain_transactions set status = 'SENT', sent_at = :now, updated_at = :now, last_error = null where id = :id and status = 'SIGNED'")
        .param("now", rows.now())
        .param("id", tx.id())
        .update();
    if (updated == 1) {
      rows.history(tx.id(), TransactionStatus.SENT, detail);
    }
  }

  /**
   * Either one of our versions was already mined (the tracker will find its receipt), or
   * something outside the manager used the nonce: then this transaction gets a new nonce.
   */
  private void nonceTooLow(Signed tx) {
    List<String> hashes = jdbc.sql("select tx_hash from chain_transaction_hashes where transaction_id = :id").param("id", tx.id()).query(String.class).list();
    if (!chain.receipts(hashes).isEmpty()) {
      markSent(tx, "already mined");
      return;
    }
    nonces.catchUp(tx.chainId(), tx.from());
    jdbc.sql("""
            update chain_transactions set status = 'QUEUED', nonce = null, raw_tx = null, tx_hash = null, updated_at = :now,
              last_error = 'nonce used by another transaction of this sender' where id = :id and status = 'SIGNED'
            """)
        .param("now", rows.now())
        .param("id", tx.id())
        .update();
    rows.history(tx.id(), TransactionStatus.QUEUED, "nonce used outside the manager; signing again with a new nonce");
    log.warn("nonce of transaction id={} was used by a foreign transaction; re-queued", tx.id());
  }

  private void retryLater(Signed tx, String error) {
    int attempts = tx.attempts() + 1;
    long millis = Math.min(properties.maxBackoff().toMillis(), 100L << Math.min(attempts, 16));
    rows.backoff(tx.id(), attempts, Duration.ofMillis(millis), error);
  }

}
