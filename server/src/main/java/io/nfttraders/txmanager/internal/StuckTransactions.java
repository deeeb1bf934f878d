package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainUnavailable;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sent transaction without receipt: first broadcast again (the node may have dropped it), later
 * replace it at the same nonce with fees raised by at least the configured percentage. Every
 * version's hash is kept, because any of them may be the one that gets mined.
 */
@Component
class StuckTransactions {

  private static final Logger log = LoggerFactory.getLogger(StuckTransactions.class);

  private record Pending(UUID id, long chainId, long walletIndex, String kind, String to, BigInteger value, byte[] data, BigInteger gasLimit,
      long nonce, BigInteger maxFee, BigInteger tip, String raw, Instant nextAttempt, Instant lastVersionAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionRows rows;
  private final ChainClient chain;
  private final Signer signer;
  private final TxManagerProperties properties;

  StuckTransactions(JdbcClient jdbc, TransactionTemplate transactions, TransactionRows rows, ChainClient chain, Signer signer,
      TxManagerProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.rows = rows;
    this.chain = chain;
    this.signer = signer;
    this.properties = properties;
  }

  void handle(UUID id, Instant sentAt, Instant now) {
    if (now.isBefore(sentAt.plus(properties.rebroadcastAfter()))) {
      return;
    }
    Pending tx = load(id);
    if (tx == null || now.isBefore(tx.nextAttempt())) {
      return;
    }
    try {
      if (now.isAfter(tx.lastVersionAt().plus(properties.replaceAfter()))) {
        replace(tx);
      } else {
        chain.sendRawTransactions(List.of(tx.raw()));
        rows.backoff(id, 0, properties.rebroadcastAfter(), "not mined yet; broadcast again");
        log.info("re-broadcast transaction id={} nonce={}", id, tx.nonce());
      }
    } catch (ChainUnavailable down) {
      rows.backoff(id, 0, properties.rebroadcastAfter(), "node unavailable");
    }
  }

  private void replace(Pending tx) {
    FeeQuote market = chain.fees();
    BigInteger tip = max(bump(tx.tip()), market.maxPriorityFeePerGas());
    BigInteger maxFee = max(bump(tx.maxFee()), market.maxFeePerGas()).max(tip);
    if (maxFee.compareTo(properties.maxFeePerGasWei()) > 0) {
      rows.backoff(tx.id(), 0, properties.replaceAfter(), "replacement would exceed the configured maximum fee");
      return;
    }
    SignedTransaction replacement = signer.sign(new TransactionRequest(new WalletId(tx.walletIndex()), tx.chainId(), BigInteger.valueOf(tx.nonce()),
        tx.gasLimit(), tx.to(), tx.value(), tx.data(), tip, maxFee, "txmanager", tx.kind() + ": fee bump of a stuck transaction"));
    transactions.executeWithoutResult(s -> {
      jdbc.sql("""
              update chain_transactions set raw_tx = :raw, tx_hash = :hash, max_fee_per_gas = :maxFee, max_priority_fee_per_gas = :tip,
                updated_at = :now, next_attempt_at = :next where id = :id and status = 'SENT'
              """)
          .param("raw", replacement.rawTransaction())
          .param("hash", replacement.transactionHash())
          .param("maxFee", maxFee)
          .param("tip", tip)
          .param("now", rows.now())
          .param("next", java.sql.Timestamp.from(rows.instant().plus(properties.rebroadcastAfter())))
          .param("id", tx.id())
          .update();
      jdbc.sql("insert into chain_transaction_hashes (tx_hash, transaction_id, created_at) values (:hash, :id, :now) on conflict do nothing")
          .param("hash", replacement.transactionHash())
          .param("id", tx.id())
          .param("now", rows.now())
          .update();
      rows.history(tx.id(), TransactionStatus.SENT, "replaced with higher fees: " + replacement.transactionHash());
    });
    chain.sendRawTransactions(List.of(replacement.rawTransaction()));
    log.info("replaced stuck transaction id={} nonce={} newHash={} maxFee={}", tx.id(), tx.nonce(), replacement.transactionHash(), maxFee);
  }

  private BigInteger bump(BigInteger fee) {
    return fee.multiply(BigInteger.valueOf(100L + properties.feeBumpPercent())).divide(BigInteger.valueOf(100)).add(BigInteger.ONE);
  }

  private static BigInteger max(BigInteger a, BigInteger b) {
    return a.max(b);
  }

  private @Nullable Pending load(UUID id) {
    return jdbc.sql("""
            select t.id, t.chain_id, t.wallet_index, t.kind, t.to_address, t.value_wei, t.data, t.gas_limit, t.nonce, t.max_fee_per_gas,
              t.max_priority_fee_per_gas, t.raw_tx, t.next_attempt_at,
              (select max(h.created_at) from chain_transaction_hashes h where h.transaction_id = t.id)
            from chain_transactions t where t.id = :id and t.status = 'SENT'
            """)
        .param("id", id)
        .query((rs, n) -> new Pending(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getBigDecimal(6).toBigIntegerExact(), rs.getBytes(7), rs.getBigDecimal(8).toBigIntegerExact(), rs.getLong(9),
            rs.getBigDecimal(10).toBigIntegerExact(), rs.getBigDecimal(11).toBigIntegerExact(), rs.getString(12),
            rs.getTimestamp(13).toInstant(), rs.getTimestamp(14).toInstant()))
        .optional()
        .orElse(null);
  }

}
