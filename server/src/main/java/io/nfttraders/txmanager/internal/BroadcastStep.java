package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.BroadcastResult;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.txmanager.TransactionStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SIGNED -> SENT: broadcasts stored signed transactions, lowest nonce first, in JSON-RPC batches.
 * Sending the same bytes twice is harmless (same hash), which is what makes crash recovery and
 * several instances safe here. A signed transaction holds a nonce, so it is never dropped: it is
 * retried, re-priced, or (refused for good) its nonce goes to a no-op filler.
 */
class BroadcastStep {

  private static final Logger log = LoggerFactory.getLogger(BroadcastStep.class);

  private record Signed(UUID id, String raw, String hash, int attempts) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StepTransactions steps;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final long chainId;
  private final TransactionVersions versions;
  private final FeePolicy feePolicy;
  private final TxManagerProperties properties;

  BroadcastStep(JdbcClient jdbc, TransactionTemplate transactions, StepTransactions steps, TransactionRows rows, Chains.Chain chain, TransactionVersions versions,
      FeePolicy feePolicy, TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.steps = steps;
    this.rows = rows;
    this.chain = chain.client();
    this.chainId = chain.properties().id();
    this.versions = versions;
    this.feePolicy = feePolicy;
    this.properties = properties;
  }

  int run() {
    List<Signed> due = jdbc.sql("""
            select id, raw_tx, tx_hash, attempts from chain_transactions
            where chain_id = :chain and status = 'SIGNED' and next_attempt_at <= :now order by from_address, nonce limit :limit
            """)
        .param("chain", chainId)
        .param("now", rows.now())
        .param("limit", properties.batchSize())
        .query((rs, n) -> new Signed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
        .list();
    if (due.isEmpty()) {
      return 0;
    }
    List<BroadcastResult> results;
    try {
      results = chain.sendRawTransactions(due.stream().map(Signed::raw).toList());
    } catch (ChainUnavailable down) {
      transactions.executeWithoutResult(s -> due.forEach(tx -> rows.defer(tx.id(), TransactionStatus.SIGNED, Duration.ofSeconds(1), "node unavailable")));
      log.warn("broadcast of {} transactions deferred: node unavailable ({})", due.size(), down.getMessage());
      return 0;
    }
    List<Signed> accepted = new ArrayList<>();
    steps.step(() -> {
      for (int i = 0; i < due.size(); i++) {
        Signed tx = due.get(i);
        BroadcastResult result = results.get(i);
        if (result.isAccepted()) {
          if (!tx.hash().equalsIgnoreCase(String.valueOf(result.transactionHash()))) {
            log.error("node accepted transaction id={} under hash {} but we signed {}", tx.id(), result.transactionHash(), tx.hash());
          }
          accepted.add(tx);
          continue;
        }
        try {
          steps.row(() -> settleRefusal(tx, result));
        } catch (RuntimeException e) {
          steps.row(() -> rows.defer(tx.id(), TransactionStatus.SIGNED, Duration.ofSeconds(1), "broadcast handling deferred"));
          log.warn("handling broadcast result of transaction id={} failed: {}", tx.id(), e.toString());
        }
      }
      markSent(accepted);
    });
    return due.size();
  }

  private void settleRefusal(Signed tx, BroadcastResult result) {
    switch (result.refusal()) {
      case ALREADY_KNOWN -> markSent(tx, "already known to the node");
      // Most likely this very transaction was mined (e.g. broadcast before a crash): wait for its
      // receipt. If a foreign transaction took the nonce, StuckTransactions finds out and re-queues.
      case NONCE_TOO_LOW -> markSent(tx, "nonce already used; waiting for a receipt");
      case UNDERPRICED -> reprice(tx, result.error());
      case INSUFFICIENT_FUNDS -> refusedForNow(tx, result.error());
      case OTHER -> {
        if (tx.attempts() + 1 >= properties.refusalsBeforeFillingNonce()) {
          fillNonce(tx, result.error());
        } else {
          refusedForNow(tx, result.error());
        }
      }
    }
  }

  /** The accepted ones of a batch, in two statements. */
  private void markSent(List<Signed> accepted) {
    if (accepted.isEmpty()) {
      return;
    }
    List<UUID> sent = jdbc.sql("""
            update chain_transactions set status = 'SENT', sent_at = :now, next_check_at = :now, updated_at = :now, last_error = null
            where id = any(:ids) and status = 'SIGNED' returning id
            """)
        .param("now", rows.now())
        .param("ids", accepted.stream().map(Signed::id).toArray(UUID[]::new))
        .query(UUID.class)
        .list();
    rows.histories(sent, TransactionStatus.SENT, Collections.nCopies(sent.size(), null));
  }

  private void markSent(Signed tx, @Nullable String detail) {
    int updated = jdbc.sql("""
            update chain_transactions set status = 'SENT', sent_at = :now, next_check_at = :now, updated_at = :now, last_error = null
            where id = :id and status = 'SIGNED'
            """)
        .param("now", rows.now())
        .param("id", tx.id())
        .update();
    if (updated == 1) {
      rows.history(tx.id(), TransactionStatus.SENT, detail);
    }
  }

  /** The same bytes can never pass (fee below the base fee or the pool's minimum): sign again at the same nonce. */
  private void reprice(Signed tx, @Nullable String error) {
    versions.current(tx.id(), TransactionStatus.SIGNED).ifPresent(current -> {
      FeeQuote next = feePolicy.replacing(current.fees(), chain.fees());
      if (feePolicy.isValidReplacement(current.fees(), next)) {
        versions.resign(current, TransactionStatus.SIGNED, next, "re-priced after the node refused it as underpriced");
      } else {
        refusedForNow(tx, error + " (fees already at the configured maximum)");
      }
    });
  }

  private void fillNonce(Signed tx, @Nullable String error) {
    versions.current(tx.id(), TransactionStatus.SIGNED)
        .ifPresent(current -> versions.fillNonce(current, feePolicy.capped(chain.fees()), String.valueOf(error)));
  }

  private void refusedForNow(Signed tx, @Nullable String error) {
    int attempts = tx.attempts() + 1;
    long millis = Math.min(properties.maxBackoff().toMillis(), 100L << Math.min(attempts, 16));
    transactions.executeWithoutResult(s -> rows.retryLater(tx.id(), TransactionStatus.SIGNED, attempts, Duration.ofMillis(millis),
        "refused by the node: " + error));
  }
}
