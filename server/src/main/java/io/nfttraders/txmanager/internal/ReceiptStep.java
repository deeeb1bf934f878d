package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.chain.Receipt;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionMined;
import io.nfttraders.txmanager.TransactionStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SENT -> MINED (or FAILED when reverted): looks up receipts for every hash a transaction was
 * ever sent under, in one batch. Transactions without receipt for too long are handed to the
 * {@link StuckTransactions}.
 */
@Component
class ReceiptStep {

  private static final Logger log = LoggerFactory.getLogger(ReceiptStep.class);

  private record Sent(UUID id, String kind, Instant sentAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final StuckTransactions stuck;
  private final ApplicationEventPublisher events;
  private final TxManagerProperties properties;

  ReceiptStep(JdbcClient jdbc, TransactionTemplate transactions, TransactionRows rows, ChainClient chain, StuckTransactions stuck,
      ApplicationEventPublisher events, TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.rows = rows;
    this.chain = chain;
    this.stuck = stuck;
    this.events = events;
    this.properties = properties;
  }

  int run() {
    Map<UUID, Sent> sent = new HashMap<>();
    Map<String, UUID> byHash = new HashMap<>();
    jdbc.sql("""
            select t.id, t.kind, t.sent_at, h.tx_hash from chain_transactions t
            join chain_transaction_hashes h on h.transaction_id = t.id
            where t.status = 'SENT' order by t.sent_at limit :limit
            """)
        .param("limit", properties.batchSize() * 2)
        .query(rs -> {
          UUID id = rs.getObject(1, UUID.class);
          sent.putIfAbsent(id, new Sent(id, rs.getString(2), rs.getTimestamp(3).toInstant()));
          byHash.put(rs.getString(4), id);
        });
    if (sent.isEmpty()) {
      return 0;
    }
    Map<String, Receipt> receipts;
    try {
      receipts = chain.receipts(byHash.keySet());
    } catch (ChainUnavailable down) {
      log.warn("receipt lookup deferred: node unavailable");
      return 0;
    }
    List<Sent> waiting = new ArrayList<>(sent.values());
    transactions.executeWithoutResult(s -> receipts.values().forEach(receipt -> {
      Sent tx = sent.get(byHash.get(receipt.transactionHash()));
      waiting.remove(tx);
      mined(tx, receipt);
    }));
    Instant now = rows.instant();
    for (Sent tx : waiting) {
      stuck.handle(tx.id(), tx.sentAt(), now);
    }
    return receipts.size();
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
