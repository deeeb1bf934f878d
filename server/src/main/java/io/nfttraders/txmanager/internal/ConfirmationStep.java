package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.txmanager.TransactionConfirmed;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MINED -> CONFIRMED once the configured number of blocks stand on it and its block is still the
 * canonical one. If a reorganisation replaced that block, the transaction goes back to SENT: the
 * receipt step finds it again in the new chain, or it is broadcast again.
 */
class ConfirmationStep {

  private static final Logger log = LoggerFactory.getLogger(ConfirmationStep.class);

  private record Mined(UUID id, String kind, String hash, long block, String blockHash) {}

  private final JdbcClient jdbc;
  private final StepTransactions steps;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final long chainId;
  private final ApplicationEventPublisher events;
  private final TxManagerProperties properties;

  ConfirmationStep(JdbcClient jdbc, StepTransactions steps, TransactionRows rows, Chains.Chain chain,
      ApplicationEventPublisher events, TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.steps = steps;
    this.rows = rows;
    this.chain = chain.client();
    this.chainId = chain.properties().id();
    this.events = events;
    this.properties = properties;
  }

  int run() {
    List<Mined> mined = jdbc.sql("""
            select id, kind, tx_hash, block_number, block_hash from chain_transactions where chain_id = :chain and status = 'MINED'
            order by block_number limit :limit
            """)
        .param("chain", chainId)
        .param("limit", properties.batchSize() * 2)
        .query((rs, n) -> new Mined(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
        .list();
    if (mined.isEmpty()) {
      return 0;
    }
    long head;
    Map<BigInteger, String> canonical;
    try {
      head = chain.blockNumber().longValueExact();
      canonical = chain.blockHashes(mined.stream().map(m -> BigInteger.valueOf(m.block())).distinct().toList());
    } catch (ChainUnavailable down) {
      return 0;
    }
    List<Mined> reorganised = new ArrayList<>();
    Map<UUID, String> confirmable = new LinkedHashMap<>();
    for (Mined tx : mined) {
      String hashNow = canonical.get(BigInteger.valueOf(tx.block()));
      boolean chainShorter = head < tx.block();
      if (chainShorter || (hashNow != null && !hashNow.equalsIgnoreCase(tx.blockHash()))) {
        reorganised.add(tx);
      } else if (hashNow != null && head - tx.block() + 1 >= properties.confirmations()) {
        confirmable.put(tx.id(), (head - tx.block() + 1) + " confirmations");
      }
    }
    steps.step(() -> {
      reorganised.forEach(tx -> steps.row(() -> reorganisedAway(tx)));
      Set<UUID> confirmed = new HashSet<>(rows.transitionAll(List.copyOf(confirmable.keySet()), TransactionStatus.MINED,
          TransactionStatus.CONFIRMED, confirmable));
      mined.stream().filter(tx -> confirmed.contains(tx.id()))
          .forEach(tx -> events.publishEvent(new TransactionConfirmed(new TransactionId(tx.id()), tx.kind(), tx.hash(), tx.block())));
    });
    return reorganised.size() + confirmable.size();
  }

  private void reorganisedAway(Mined tx) {
    int updated = jdbc.sql("""
            update chain_transactions set status = 'SENT', block_number = null, block_hash = null, gas_used = null, sent_at = :now, updated_at = :now
            where id = :id and status = 'MINED'
            """)
        .param("now", rows.now())
        .param("id", tx.id())
        .update();
    if (updated == 1) {
      rows.history(tx.id(), TransactionStatus.SENT, "block " + tx.block() + " was reorganised away");
      log.warn("transaction id={} hash={} left the canonical chain (block {} reorganised)", tx.id(), tx.hash(), tx.block());
    }
  }
}
