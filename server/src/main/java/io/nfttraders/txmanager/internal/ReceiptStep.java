package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.chain.Receipt;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionMined;
import io.nfttraders.txmanager.TransactionStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SENT -> MINED (or FAILED when reverted): looks up receipts for every hash a transaction was
 * ever sent under, in one batch. Each transaction has its own next check time, quick while it is
 * young and slower as it ages, so old stuck ones never crowd out the rest. Transactions without
 * receipt for too long are handed to the {@link StuckTransactions}.
 */
@Component
class ReceiptStep {

  private static final Logger log = LoggerFactory.getLogger(ReceiptStep.class);

  private record Sent(UUID id, String kind, Instant sentAt) {}

  private final JdbcClient jdbc;
  private final StepTransactions steps;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final StuckTransactions stuck;
  private final ApplicationEventPublisher events;
  private final TxManagerProperties properties;

  ReceiptStep(JdbcClient jdbc, StepTransactions steps, TransactionRows rows, ChainClient chain, StuckTransactions stuck,
      ApplicationEventPublisher events, TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.steps = steps;
    this.rows = rows;
    this.chain = chain;
    this.stuck = stuck;
    this.events = events;
    this.properties = properties;
  }

  int run() {
    List<Sent> due = jdbc.sql("""
            select id, kind, sent_at from chain_transactions where status = 'SENT' and next_check_at <= :now order by next_check_at limit :limit
            """)
        .param("now", rows.now())
        .param("limit", properties.batchSize())
        .query((rs, n) -> new Sent(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .list();
    if (due.isEmpty()) {
      return 0;
    }
    Map<UUID, Sent> byId = new HashMap<>();
    due.forEach(tx -> byId.put(tx.id(), tx));
    Map<String, UUID> byHash = new HashMap<>();
    jdbc.sql("select tx_hash, transaction_id from chain_transaction_hashes where transaction_id = any(:ids)")
        .param("ids", due.stream().map(Sent::id).toArray(UUID[]::new))
        .query(rs -> {
          byHash.put(rs.getString(1), rs.getObject(2, UUID.class));
        });
    Map<String, Receipt> receipts;
    try {
      receipts = chain.receipts(byHash.keySet());
    } catch (ChainUnavailable down) {
      log.warn("receipt lookup deferred: {}", down.getMessage());
      return 0;
    }
    Map<UUID, Receipt> minedBy = new HashMap<>();
    receipts.values().forEach(r -> minedBy.put(byHash.get(r.transactionHash()), r));
    Instant now = rows.instant();
    steps.step(() -> {
      for (Sent tx : due) {
        Receipt receipt = minedBy.get(tx.id());
        try {
          steps.row(() -> {
            if (receipt != null) {
              mined(tx, receipt);
            } else {
              scheduleNextCheck(tx, now);
            }
          });
        } catch (RuntimeException e) {
          log.warn("receipt handling of transaction id={} failed: {}", tx.id(), e.toString());
        }
      }
    });
    // outside the step's transaction: re-broadcasting talks to the node and writes on its own
    for (Sent tx : due) {
      if (!minedBy.containsKey(tx.id())) {
        try {
          stuck.handle(tx.id(), tx.sentAt(), now);
        } catch (RuntimeException e) {
          log.warn("stuck-transaction handling of id={} failed: {}", tx.id(), e.toString());
        }
      }
    }
    return minedBy.size();
  }

  /** Young transactions are checked every round; after ten seconds every second; after a minute every five. */
  private void scheduleNextCheck(Sent tx, Instant now) {
    Duration age = Duration.between(tx.sentAt(), now);
    Duration wait = age.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofMillis(50)
        : age.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
    jdbc.sql("update chain_transactions set next_check_at = :next where id = :id and status = 'SENT'")
        .param("next", rows.in(wait))
        .param("id", tx.id())
        .update();
  }

  private void mined(Sent tx, Receipt receipt) {
    TransactionStatus next = receipt.succeeded() ? TransactionStatus.MINED : TransactionStatus.FAILED;
    int updated = jdbc.sql("""
            update chain_transactions set status = :status, tx_hash = :hash, block_number = :block, block_hash = :blockHash,
              gas_used = :gas, updated_at = :now, last_error = :error
            where id = :id and status = 'SENT'
            """)
        .param("status", next.name())
        .param("hash", receipt.transactionHash())
        .param("block", receipt.blockNumber().longValueExact())
        .param("blockHash", receipt.blockHash())
        .param("gas", receipt.gasUsed().longValueExact())
        .param("now", rows.now())
        .param("error", receipt.succeeded() ? null : "reverted on-chain")
        .param("id", tx.id())
        .update();
    if (updated == 1) {
      rows.history(tx.id(), next, "block " + receipt.blockNumber() + (receipt.succeeded() ? "" : ", reverted"));
      events.publishEvent(new TransactionMined(new TransactionId(tx.id()), tx.kind(), receipt.transactionHash(),
          receipt.blockNumber().longValueExact(), receipt.succeeded()));
    }
  }
}
