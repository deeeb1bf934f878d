package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.BroadcastResult;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.txmanager.TransactionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sent transaction without receipt: first broadcast again (the node may have dropped it), later
 * replace it at the same nonce with fees raised by the configured percentage, up to the cap;
 * at the cap keep re-broadcasting the current version. If the node says the nonce is used and
 * none of our versions has a receipt while the chain is past that nonce, a foreign transaction
 * took it: the intent is signed again with a new nonce.
 */
class StuckTransactions {

  private static final Logger log = LoggerFactory.getLogger(StuckTransactions.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final TransactionVersions versions;
  private final NonceAllocator nonces;
  private final FeePolicy feePolicy;
  private final TxManagerProperties properties;

  StuckTransactions(JdbcClient jdbc, TransactionTemplate transactions, TransactionRows rows, ChainClient chain, TransactionVersions versions,
      NonceAllocator nonces, FeePolicy feePolicy, TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.rows = rows;
    this.chain = chain;
    this.versions = versions;
    this.nonces = nonces;
    this.feePolicy = feePolicy;
    this.properties = properties;
  }

  void handle(UUID id, Instant sentAt, Instant now) {
    if (now.isBefore(sentAt.plus(properties.rebroadcastAfter()))) {
      return;
    }
    Instant nextAttempt = jdbc.sql("select next_attempt_at from chain_transactions where id = :id").param("id", id)
        .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(Instant.MAX);
    if (now.isBefore(nextAttempt)) {
      return;
    }
    Optional<TransactionVersions.Current> current = versions.current(id, TransactionStatus.SENT);
    if (current.isEmpty()) {
      return;
    }
    try {
      String raw = now.isAfter(lastVersionAt(id).plus(properties.replaceAfter())) ? replacementOrCurrent(current.get()) : current.get().raw();
      BroadcastResult result = chain.sendRawTransactions(List.of(raw)).getFirst();
      if (result.refusal() == BroadcastResult.Refusal.NONCE_TOO_LOW && now.isAfter(sentAt.plus(properties.replaceAfter()))) {
        requeueIfNonceTakenByOthers(current.get());
      }
      transactions.executeWithoutResult(s -> rows.defer(id, TransactionStatus.SENT, properties.rebroadcastAfter(), "not mined yet; broadcast again"));
    } catch (ChainUnavailable down) {
      transactions.executeWithoutResult(s -> rows.defer(id, TransactionStatus.SENT, properties.rebroadcastAfter(), "node unavailable"));
    }
  }

  private String replacementOrCurrent(TransactionVersions.Current tx) {
    FeeQuote next = feePolicy.replacing(tx.fees(), chain.fees());
    if (!feePolicy.isValidReplacement(tx.fees(), next)) {
      return tx.raw(); // at the fee cap: keep the current version in the node's pool
    }
    Optional<SignedTransaction> replacement = versions.resign(tx, TransactionStatus.SENT, next, "replaced with higher fees");
    replacement.ifPresent(r -> log.info("replaced stuck transaction id={} nonce={} newHash={} maxFee={}", tx.id(), tx.nonce(), r.transactionHash(),
        next.maxFeePerGas()));
    return replacement.map(SignedTransaction::rawTransaction).orElse(tx.raw());
  }

  /** Proof that the nonce went to someone else: the chain is past it and none of our versions was mined. */
  private void requeueIfNonceTakenByOthers(TransactionVersions.Current tx) {
    if (chain.minedNonce(Address.of(tx.from())).longValueExact() <= tx.nonce()) {
      return;
    }
    List<String> hashes = jdbc.sql("select tx_hash from chain_transaction_hashes where transaction_id = :id").param("id", tx.id()).query(String.class).list();
    if (!chain.receipts(hashes).isEmpty()) {
      return; // ours was mined after all; the receipt step will see it
    }
    transactions.executeWithoutResult(s -> {
      int updated = jdbc.sql("""
              update chain_transactions set status = 'QUEUED', nonce = null, raw_tx = null, tx_hash = null, updated_at = :now, next_attempt_at = :now,
                last_error = 'nonce used by another transaction of this sender' where id = :id and status = 'SENT'
              """)
          .param("now", rows.now())
          .param("id", tx.id())
          .update();
      if (updated == 1) {
        nonces.catchUp(tx.chainId(), tx.from());
        rows.history(tx.id(), TransactionStatus.QUEUED, "nonce " + tx.nonce() + " was used outside the manager; signing again with a new nonce");
        log.warn("nonce {} of transaction id={} was used by a foreign transaction; re-queued", tx.nonce(), tx.id());
      }
    });
  }

  private Instant lastVersionAt(UUID id) {
    return jdbc.sql("select max(created_at) from chain_transaction_hashes where transaction_id = :id").param("id", id)
        .query((rs, n) -> rs.getTimestamp(1).toInstant()).single();
  }

}
