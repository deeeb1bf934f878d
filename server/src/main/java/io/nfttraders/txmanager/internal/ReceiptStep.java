package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.chain.Receipt;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionMined;
import io.nfttraders.txmanager.TransactionStatus;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SENT -> MINED (or FAILED when reverted): looks up receipts for every hash a transaction was
 * ever sent under, in one batch. Each transaction has its own next check time, quick while it is
 * young and slower as it ages, so old stuck ones never crowd out the rest. Transactions without
 * receipt for too long are handed to the {@link StuckTransactions}.
 */
class ReceiptStep {

  private static final Logger log = LoggerFactory.getLogger(ReceiptStep.class);

  private record Sent(UUID id, String kind, Instant sentAt) {}

  private final JdbcClient jdbc;
  private final StepTransactions steps;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final long chainId;
  private final StuckTransactions stuck;
  private final ApplicationEventPublisher events;
  private final TxManagerProperties properties;

  ReceiptStep(JdbcClient jdbc, StepTransactions steps, TransactionRows rows, Chains.Chain chain, StuckTransactions stuck,
      ApplicationEventPublisher events, TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.steps = steps;
    this.rows = rows;
    this.chain = chain.client();
    this.chainId = chain.properties().id();
    this.stuck = stuck;
    this.events = events;
    this.properties = properties;
  }

  int run() {
    List<Sent> due = jdbc.sql("""
            select id, kind, sent_at from chain_transactions where chain_id = :chain and status = 'SENT' and next_check_at <= :now
            order by next_check_at limit :limit
            """)
        .param("chain", chainId)
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
      mined(due.stream().filter(tx -> minedBy.containsKey(tx.id())).toList(), minedBy);
      scheduleNextChecks(due.stream().filter(tx -> !minedBy.containsKey(tx.id())).toList(), now);
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
  private void scheduleNextChecks(List<Sent> pending, Instant now) {
    if (pending.isEmpty()) {
      return;
    }
    Timestamp[] next = pending.stream().map(tx -> {
      Duration age = Duration.between(tx.sentAt(), now);
      Duration wait = age.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofMillis(50)
          : age.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofSeconds(1) : Duration.ofSeconds(5);
      return Timestamp.from(now.plus(wait));
    }).toArray(Timestamp[]::new);
    jdbc.sql("""
            update chain_transactions t set next_check_at = v.next
            from unnest(:ids::uuid[], :next::timestamptz[]) as v(id, next)
            where t.id = v.id and t.status = 'SENT'
            """)
        .param("ids", pending.stream().map(Sent::id).toArray(UUID[]::new))
        .param("next", next)
        .update();
  }

  /** All mined ones of a round in one update; a reverted one fails. */
  private void mined(List<Sent> mined, Map<UUID, Receipt> receipts) {
    if (mined.isEmpty()) {
      return;
    }
    int n = mined.size();
    UUID[] ids = new UUID[n];
    String[] statuses = new String[n];
    String[] hashes = new String[n];
    Long[] blocks = new Long[n];
    String[] blockHashes = new String[n];
    Long[] gas = new Long[n];
    for (int i = 0; i < n; i++) {
      Receipt receipt = receipts.get(mined.get(i).id());
      ids[i] = mined.get(i).id();
      statuses[i] = (receipt.succeeded() ? TransactionStatus.MINED : TransactionStatus.FAILED).name();
      hashes[i] = receipt.transactionHash();
      blocks[i] = receipt.blockNumber().longValueExact();
      blockHashes[i] = receipt.blockHash();
      gas[i] = receipt.gasUsed().longValueExact();
    }
    Set<UUID> updated = new HashSet<>(jdbc.sql("""
            update chain_transactions t set status = v.status, tx_hash = v.hash, block_number = v.block, block_hash = v.block_hash,
              gas_used = v.gas, updated_at = :now, last_error = case when v.status = 'FAILED' then 'reverted on-chain' end
            from unnest(:ids::uuid[], :statuses::text[], :hashes::text[], :blocks::bigint[], :blockHashes::text[], :gas::bigint[])
              as v(id, status, hash, block, block_hash, gas)
            where t.id = v.id and t.status = 'SENT'
            returning t.id
            """)
        .param("now", rows.now())
        .param("ids", ids).param("statuses", statuses).param("hashes", hashes).param("blocks", blocks)
        .param("blockHashes", blockHashes).param("gas", gas)
        .query(UUID.class)
        .list());
    for (TransactionStatus status : List.of(TransactionStatus.MINED, TransactionStatus.FAILED)) {
      List<Sent> now = mined.stream().filter(tx -> updated.contains(tx.id()))
          .filter(tx -> receipts.get(tx.id()).succeeded() == (status == TransactionStatus.MINED)).toList();
      rows.histories(now.stream().map(Sent::id).toList(), status, now.stream()
          .map(tx -> "block " + receipts.get(tx.id()).blockNumber() + (status == TransactionStatus.MINED ? "" : ", reverted")).toList());
    }
    for (Sent tx : mined) {
      if (updated.contains(tx.id())) {
        Receipt receipt = receipts.get(tx.id());
        events.publishEvent(new TransactionMined(new TransactionId(tx.id()), tx.kind(), receipt.transactionHash(),
            receipt.blockNumber().longValueExact(), receipt.succeeded()));
      }
    }
  }
}
