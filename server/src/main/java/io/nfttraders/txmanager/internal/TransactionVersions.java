package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.FeeQuote;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New signed versions of a transaction at the nonce it already holds. A nonce, once taken, is
 * always used by something: a replacement of the same intent with other fees, or, when the node
 * refuses the intent for good, a no-op "nonce filler" (zero value to the sender itself) so later
 * transactions of that sender are not stuck behind a gap.
 */
@Component
class TransactionVersions {

  private static final Logger log = LoggerFactory.getLogger(TransactionVersions.class);
  private static final BigInteger FILLER_GAS = BigInteger.valueOf(21_000);

  record Current(UUID id, long chainId, long walletIndex, String kind, String from, @Nullable String to, BigInteger value, byte[] data,
      BigInteger gasLimit, long nonce, FeeQuote fees, String raw, String hash) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransactionRows rows;
  private final Signer signer;

  TransactionVersions(JdbcClient jdbc, TransactionTemplate transactions, TransactionRows rows, Signer signer) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.rows = rows;
    this.signer = signer;
  }

  Optional<Current> current(UUID id, TransactionStatus status) {
    return jdbc.sql("""
            select id, chain_id, wallet_index, kind, from_address, to_address, value_wei, data, gas_limit, nonce, max_priority_fee_per_gas,
              max_fee_per_gas, raw_tx, tx_hash
            from chain_transactions where id = :id and status = :status and nonce is not null
            """)
        .param("id", id)
        .param("status", status.name())
        .query((rs, n) -> new Current(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getBigDecimal(7).toBigIntegerExact(), rs.getBytes(8), rs.getBigDecimal(9).toBigIntegerExact(), rs.getLong(10),
            new FeeQuote(rs.getBigDecimal(11).toBigIntegerExact(), rs.getBigDecimal(12).toBigIntegerExact()), rs.getString(13), rs.getString(14)))
        .optional();
  }

  /** Signs the same intent at the same nonce with new fees and makes it the version to broadcast. */
  Optional<SignedTransaction> resign(Current tx, TransactionStatus status, FeeQuote fees, String why) {
    SignedTransaction signed = signer.sign(new TransactionRequest(new WalletId(tx.walletIndex()), tx.chainId(), BigInteger.valueOf(tx.nonce()),
        tx.gasLimit(), tx.to(), tx.value(), tx.data(), fees.maxPriorityFeePerGas(), fees.maxFeePerGas(), "txmanager", tx.kind() + ": " + why));
    Boolean stored = transactions.execute(s -> {
      int updated = jdbc.sql("""
              update chain_transactions set raw_tx = :raw, tx_hash = :hash, max_fee_per_gas = :maxFee, max_priority_fee_per_gas = :tip,
                updated_at = :now where id = :id and status = :status
              """)
          .param("raw", signed.rawTransaction()).param("hash", signed.transactionHash()).param("maxFee", fees.maxFeePerGas())
          .param("tip", fees.maxPriorityFeePerGas()).param("now", rows.now()).param("id", tx.id()).param("status", status.name())
          .update();
      if (updated == 1) {
        rows.rememberHash(tx.id(), signed.transactionHash());
        rows.history(tx.id(), status, why + ": " + signed.transactionHash());
      }
      return updated == 1;
    });
    return Boolean.TRUE.equals(stored) ? Optional.of(signed) : Optional.empty();
  }

  /**
   * For a SIGNED transaction the node refuses for good: it fails, and a no-op filler takes over its
   * nonce (as a new SIGNED transaction the pipeline broadcasts like any other).
   */
  Optional<TransactionId> fillNonce(Current tx, FeeQuote fees, String refusal) {
    SignedTransaction filler = signer.sign(new TransactionRequest(new WalletId(tx.walletIndex()), tx.chainId(), BigInteger.valueOf(tx.nonce()),
        FILLER_GAS, tx.from(), BigInteger.ZERO, new byte[0], fees.maxPriorityFeePerGas(), fees.maxFeePerGas(), "txmanager",
        "nonce filler for refused transaction " + tx.id()));
    TransactionId fillerId = TransactionId.random();
    Boolean filled = transactions.execute(s -> {
      int failed = jdbc.sql("update chain_transactions set status = 'FAILED', nonce = null, last_error = :error, updated_at = :now where id = :id and status = 'SIGNED'")
          .param("error", "refused by the node: " + refusal).param("now", rows.now()).param("id", tx.id()).update();
      if (failed == 0) {
        return false; // moved on meanwhile (another instance); nothing written
      }
      rows.history(tx.id(), TransactionStatus.FAILED, "refused by the node; nonce " + tx.nonce() + " handed to no-op " + fillerId);
      jdbc.sql("""
              insert into chain_transactions (id, chain_id, kind, wallet_index, from_address, to_address, value_wei, data, gas_limit, reason,
                status, nonce, max_fee_per_gas, max_priority_fee_per_gas, raw_tx, tx_hash, next_attempt_at, created_at, updated_at)
              values (:id, :chain, 'NONCE_FILLER', :wallet, :from, :from, 0, ''::bytea, :gas, :reason, 'SIGNED', :nonce, :maxFee, :tip, :raw, :hash,
                :now, :now, :now)
              """)
          .param("id", fillerId.value()).param("chain", tx.chainId()).param("wallet", tx.walletIndex()).param("from", tx.from())
          .param("gas", FILLER_GAS).param("reason", "use nonce " + tx.nonce() + " of refused transaction " + tx.id()).param("nonce", tx.nonce())
          .param("maxFee", fees.maxFeePerGas()).param("tip", fees.maxPriorityFeePerGas()).param("raw", filler.rawTransaction())
          .param("hash", filler.transactionHash()).param("now", rows.now())
          .update();
      rows.rememberHash(fillerId.value(), filler.transactionHash());
      rows.history(fillerId.value(), TransactionStatus.SIGNED, "fills nonce " + tx.nonce());
      return true;
    });
    if (Boolean.TRUE.equals(filled)) {
      log.error("transaction id={} refused for good by the node ({}); nonce {} filled by no-op {}", tx.id(), refusal, tx.nonce(), fillerId);
      return Optional.of(fillerId);
    }
    return Optional.empty();
  }

}
