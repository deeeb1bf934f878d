package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.SigningRefused;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * QUEUED -> SIGNED: allocates nonces, prices and has the signer sign, for a batch of queued
 * transactions in one database transaction, so a nonce is consumed exactly when a signed
 * transaction is stored. A transaction that depends on another waits until that one is CONFIRMED
 * (a reorganisation could otherwise put the dependent one first, e.g. a mint before its minter
 * grant). The batch's writes are a handful of statements whatever its size: per sender two for its
 * nonce, then one each for the rows, their hashes and their history (and the signer's audit
 * joins the same commit).
 */
class SigningStep {

  private static final Logger log = LoggerFactory.getLogger(SigningStep.class);

  private record Queued(UUID id, long chainId, String kind, long walletIndex, String from, @Nullable String to,
      BigInteger value, byte[] data, BigInteger gasLimit, String reason, @Nullable UUID requestedBy) {}

  private record Sender(long chainId, String address) {}

  private record Signed(UUID id, long nonce, SignedTransaction transaction) {}

  /** A row the signer would not sign, handled after the batch is stored. */
  private record Unsigned(UUID id, RuntimeException why) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StepTransactions steps;
  private final TransactionRows rows;
  private final NonceAllocator nonces;
  private final Signer signer;
  private final ChainClient chain;
  private final long chainId;
  private final TxManagerProperties properties;
  private final FeePolicy feePolicy;

  SigningStep(JdbcClient jdbc, TransactionTemplate transactions, StepTransactions steps, TransactionRows rows, NonceAllocator nonces, Signer signer,
      Chains.Chain chain, TxManagerProperties properties, FeePolicy feePolicy) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.steps = steps;
    this.rows = rows;
    this.nonces = nonces;
    this.signer = signer;
    this.chain = chain.client();
    this.chainId = chain.properties().id();
    this.properties = properties;
    this.feePolicy = feePolicy;
  }

  int run() {
    failDependentsOfFailures();
    List<UUID> due = jdbc.sql("""
            select t.id from chain_transactions t
            where t.chain_id = :chain and t.status = 'QUEUED' and t.next_attempt_at <= :now
              and (t.depends_on is null
                   or exists (select 1 from chain_transactions d where d.id = t.depends_on and d.status = 'CONFIRMED'))
            order by t.created_at
            limit :limit
            """)
        .param("chain", chainId)
        .param("now", rows.now())
        .param("limit", properties.batchSize())
        .query(UUID.class)
        .list();
    if (due.isEmpty()) {
      return 0;
    }
    FeeQuote fees = feePolicy.capped(chain.fees());
    List<Unsigned> unsigned = new ArrayList<>();
    int[] signed = {0};
    steps.step(() -> signed[0] = signBatch(due, fees, unsigned));
    unsigned.forEach(this::handle);
    return signed[0] + unsigned.size();
  }

  /**
   * "for no key update", not "for update": requests insert mints that reference a queued grant
   * (depends_on) and their foreign-key check takes a key-share lock on it, which "for update"
   * would block for the whole step.
   */
  private int signBatch(List<UUID> due, FeeQuote fees, List<Unsigned> unsigned) {
    List<Queued> queued = jdbc.sql("""
            select id, chain_id, kind, wallet_index, from_address, to_address, value_wei, data, gas_limit, reason, requested_by
            from chain_transactions where id = any(:ids) and status = 'QUEUED' order by created_at for no key update skip locked
            """)
        .param("ids", due.toArray(UUID[]::new))
        .query((rs, n) -> new Queued(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
            rs.getString(6), rs.getBigDecimal(7).toBigIntegerExact(), rs.getBytes(8), rs.getBigDecimal(9).toBigIntegerExact(),
            rs.getString(10), rs.getObject(11, UUID.class)))
        .list();
    Map<Sender, List<Queued>> bySender = new LinkedHashMap<>();
    queued.forEach(tx -> bySender.computeIfAbsent(new Sender(tx.chainId(), tx.from()), k -> new ArrayList<>()).add(tx));
    List<Signed> signed = new ArrayList<>();
    bySender.forEach((sender, txs) -> {
      long next = nonces.reserve(sender.chainId(), sender.address());
      for (Queued tx : txs) {
        try {
          signed.add(new Signed(tx.id(), next, sign(tx, next, fees)));
          next++;
        } catch (RuntimeException e) {
          unsigned.add(new Unsigned(tx.id(), e)); // its nonce goes to the sender's next transaction
        }
      }
      nonces.advanceTo(sender.chainId(), sender.address(), next);
    });
    store(signed, fees);
    return signed.size();
  }

  private SignedTransaction sign(Queued tx, long nonce, FeeQuote fees) {
    return signer.sign(new TransactionRequest(new WalletId(tx.walletIndex()), tx.chainId(), BigInteger.valueOf(nonce),
        tx.gasLimit(), tx.to(), tx.value(), tx.data(), fees.maxPriorityFeePerGas(), fees.maxFeePerGas(),
        tx.requestedBy() == null ? "platform" : tx.requestedBy().toString(), tx.kind() + ": " + tx.reason()));
  }

  private void store(List<Signed> signed, FeeQuote fees) {
    if (signed.isEmpty()) {
      return;
    }
    List<UUID> ids = signed.stream().map(Signed::id).toList();
    List<String> hashes = signed.stream().map(s -> s.transaction().transactionHash()).toList();
    jdbc.sql("""
            update chain_transactions t set status = 'SIGNED', nonce = v.nonce, max_fee_per_gas = :maxFee, max_priority_fee_per_gas = :tip,
              raw_tx = v.raw, tx_hash = v.hash, next_attempt_at = :now, updated_at = :now, attempts = 0, last_error = null
            from unnest(:ids::uuid[], :nonces::bigint[], :raws::text[], :hashes::text[]) as v(id, nonce, raw, hash)
            where t.id = v.id
            """)
        .param("maxFee", fees.maxFeePerGas())
        .param("tip", fees.maxPriorityFeePerGas())
        .param("now", rows.now())
        .param("ids", ids.toArray(UUID[]::new))
        .param("nonces", signed.stream().map(Signed::nonce).toArray(Long[]::new))
        .param("raws", signed.stream().map(s -> s.transaction().rawTransaction()).toArray(String[]::new))
        .param("hashes", hashes.toArray(String[]::new))
        .update();
    rows.rememberHashes(ids, hashes);
    rows.histories(ids, TransactionStatus.SIGNED, signed.stream().map(s -> "nonce " + s.nonce() + ", hash " + s.transaction().transactionHash()).toList());
  }

  /** One row's trouble never stops the others: it is retried later, or fails if it can never be signed. */
  private void handle(Unsigned row) {
    UUID id = row.id();
    switch (row.why()) {
      case SigningRefused refused when refused.reason() == SigningRefused.Reason.RATE_LIMITED ->
          transactions.executeWithoutResult(s -> rows.defer(id, TransactionStatus.QUEUED, Duration.ofSeconds(5), "signer rate limit; retrying"));
      case SigningRefused refused -> {
        fail(id, "signer refused: " + refused.reason());
        log.warn("signer refused transaction id={} reason={}", id, refused.reason());
      }
      case IllegalArgumentException invalid -> {
        fail(id, "invalid transaction: " + invalid.getMessage());
        log.error("transaction id={} cannot be signed: {}", id, invalid.getMessage());
      }
      default -> {
        transactions.executeWithoutResult(s -> rows.defer(id, TransactionStatus.QUEUED, Duration.ofSeconds(1),
            "signing deferred: " + row.why().getClass().getSimpleName()));
        log.warn("signing of transaction id={} deferred: {}", id, row.why().toString());
      }
    }
  }

  private void fail(UUID id, String why) {
    transactions.executeWithoutResult(s -> {
      jdbc.sql("update chain_transactions set last_error = :error where id = :id").param("error", why).param("id", id).update();
      rows.transition(id, TransactionStatus.QUEUED, TransactionStatus.FAILED, why);
    });
  }

  private void failDependentsOfFailures() {
    List<UUID> doomed = jdbc.sql("""
            select t.id from chain_transactions t join chain_transactions d on d.id = t.depends_on
            where t.chain_id = :chain and t.status = 'QUEUED' and d.status = 'FAILED'
            """)
        .param("chain", chainId)
        .query(UUID.class)
        .list();
    for (UUID id : doomed) {
      transactions.executeWithoutResult(s -> rows.transition(id, TransactionStatus.QUEUED, TransactionStatus.FAILED, "the transaction it depends on failed"));
    }
  }
}
