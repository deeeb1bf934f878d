package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.SigningRefused;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigInteger;
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
 * QUEUED -> SIGNED (a transaction that depends on another waits until that one is CONFIRMED: a
 * reorganisation could otherwise put the dependent one first, e.g. a mint before its minter grant): allocates the nonce, prices the transaction and has the signer sign it, all
 * in one database transaction per row, so that a nonce is consumed exactly when a signed
 * transaction is stored.
 */
@Component
class SigningStep {

  private static final Logger log = LoggerFactory.getLogger(SigningStep.class);

  private record Queued(UUID id, long chainId, String kind, long walletIndex, String from, @Nullable String to,
      BigInteger value, byte[] data, BigInteger gasLimit, String reason, @Nullable UUID requestedBy) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StepTransactions steps;
  private final TransactionRows rows;
  private final NonceAllocator nonces;
  private final Signer signer;
  private final ChainClient chain;
  private final TxManagerProperties properties;
  private final FeePolicy feePolicy;

  SigningStep(JdbcClient jdbc, TransactionTemplate transactions, StepTransactions steps, TransactionRows rows, NonceAllocator nonces, Signer signer,
      ChainClient chain, TxManagerProperties properties, FeePolicy feePolicy) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.steps = steps;
    this.rows = rows;
    this.nonces = nonces;
    this.signer = signer;
    this.chain = chain;
    this.properties = properties;
    this.feePolicy = feePolicy;
  }

  int run() {
    failDependentsOfFailures();
    List<UUID> due = jdbc.sql("""
            select t.id from chain_transactions t
            where t.status = 'QUEUED' and t.next_attempt_at <= :now
              and (t.depends_on is null
                   or exists (select 1 from chain_transactions d where d.id = t.depends_on and d.status = 'CONFIRMED'))
            order by t.created_at
            limit :limit
            """)
        .param("now", rows.now())
        .param("limit", properties.batchSize())
        .query(UUID.class)
        .list();
    if (due.isEmpty()) {
      return 0;
    }
    FeeQuote fees = feePolicy.capped(chain.fees());
    int[] signed = {0};
    steps.step(() -> due.forEach(id -> signed[0] += signSafely(id, fees) ? 1 : 0));
    return signed[0];
  }

  /** One row's trouble never stops the others: it is retried later, or fails if it can never be signed. */
  private boolean signSafely(UUID id, FeeQuote fees) {
    try {
      return steps.row(() -> signOne(id, fees));
    } catch (SigningRefused refused) {
      if (refused.reason() == SigningRefused.Reason.RATE_LIMITED) {
        steps.row(() -> rows.defer(id, TransactionStatus.QUEUED, Duration.ofSeconds(5), "signer rate limit; retrying"));
      } else {
        fail(id, "signer refused: " + refused.reason());
        log.warn("signer refused transaction id={} reason={}", id, refused.reason());
      }
    } catch (IllegalArgumentException invalid) {
      fail(id, "invalid transaction: " + invalid.getMessage());
      log.error("transaction id={} cannot be signed: {}", id, invalid.getMessage());
    } catch (RuntimeException e) {
      steps.row(() -> rows.defer(id, TransactionStatus.QUEUED, Duration.ofSeconds(1), "signing deferred: " + e.getClass().getSimpleName()));
      log.warn("signing of transaction id={} deferred: {}", id, e.toString());
    }
    return false;
  }

  private void fail(UUID id, String why) {
    steps.row(() -> {
      jdbc.sql("update chain_transactions set last_error = :error where id = :id").param("error", why).param("id", id).update();
      rows.transition(id, TransactionStatus.QUEUED, TransactionStatus.FAILED, why);
    });
  }

  /**
   * "for no key update", not "for update": requests insert mints that reference a queued grant
   * (depends_on) and their foreign-key check takes a key-share lock on it, which "for update"
   * would block for the whole step.
   */
  private boolean signOne(UUID id, FeeQuote fees) {
    Queued tx = jdbc.sql("""
            select id, chain_id, kind, wallet_index, from_address, to_address, value_wei, data, gas_limit, reason, requested_by
            from chain_transactions where id = :id and status = 'QUEUED' for no key update skip locked
            """)
        .param("id", id)
        .query((rs, n) -> new Queued(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
            rs.getString(6), rs.getBigDecimal(7).toBigIntegerExact(), rs.getBytes(8), rs.getBigDecimal(9).toBigIntegerExact(),
            rs.getString(10), rs.getObject(11, UUID.class)))
        .optional()
        .orElse(null);
    if (tx == null) {
      return false; // taken by another instance, or moved on
    }
    long nonce = nonces.allocate(tx.chainId(), tx.from());
    SignedTransaction signed = signer.sign(new TransactionRequest(new WalletId(tx.walletIndex()), tx.chainId(), BigInteger.valueOf(nonce),
        tx.gasLimit(), tx.to(), tx.value(), tx.data(), fees.maxPriorityFeePerGas(), fees.maxFeePerGas(),
        tx.requestedBy() == null ? "platform" : tx.requestedBy().toString(), tx.kind() + ": " + tx.reason()));
    jdbc.sql("""
            update chain_transactions set status = 'SIGNED', nonce = :nonce, max_fee_per_gas = :maxFee, max_priority_fee_per_gas = :tip,
              raw_tx = :raw, tx_hash = :hash, next_attempt_at = :now, updated_at = :now, attempts = 0, last_error = null
            where id = :id
            """)
        .param("nonce", nonce)
        .param("maxFee", fees.maxFeePerGas())
        .param("tip", fees.maxPriorityFeePerGas())
        .param("raw", signed.rawTransaction())
        .param("hash", signed.transactionHash())
        .param("now", rows.now())
        .param("id", id)
        .update();
    rows.rememberHash(id, signed.transactionHash());
    rows.history(id, TransactionStatus.SIGNED, "nonce " + nonce + ", hash " + signed.transactionHash());
    return true;
  }

  private void failDependentsOfFailures() {
    List<UUID> doomed = jdbc.sql("""
            select t.id from chain_transactions t join chain_transactions d on d.id = t.depends_on
            where t.status = 'QUEUED' and d.status = 'FAILED'
            """)
        .query(UUID.class)
        .list();
    for (UUID id : doomed) {
      transactions.executeWithoutResult(s -> rows.transition(id, TransactionStatus.QUEUED, TransactionStatus.FAILED, "the transaction it depends on failed"));
    }
  }
}
