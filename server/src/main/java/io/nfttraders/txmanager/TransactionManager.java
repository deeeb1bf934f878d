package io.nfttraders.txmanager;

import io.nfttraders.chain.Chains;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.signer.Signer;
import io.nfttraders.txmanager.internal.TransactionPipelines;
import io.nfttraders.txmanager.internal.TransactionRows;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The one way to write to the chain: enqueue an intent, follow its transaction. */
@Service("chainTransactionManager") // "transactionManager" is Spring's JDBC one
public class TransactionManager {

  private final JdbcClient jdbc;
  private final Signer signer;
  private final Chains chains;
  private final TransactionRows rows;
  private final TransactionPipelines pipelines;
  private final Clock clock;

  TransactionManager(JdbcClient jdbc, Signer signer, Chains chains, TransactionRows rows, TransactionPipelines pipelines, Clock clock) {
    this.jdbc = jdbc;
    this.signer = signer;
    this.chains = chains;
    this.rows = rows;
    this.pipelines = pipelines;
    this.clock = clock;
  }

  /** On the default chain ({@link #enqueue(ChainId, TransactionIntent)}). */
  @Transactional
  public TransactionId enqueue(TransactionIntent intent) {
    return enqueue(chains.defaultChain().id(), intent);
  }

  /**
   * Stores the intent as a QUEUED transaction on {@code chain} in the caller's database
   * transaction: once the caller commits, the transaction will be sent, whatever crashes in between.
   *
   * @throws IllegalArgumentException when the server does not work on that chain
   */
  @Transactional
  public TransactionId enqueue(ChainId chain, TransactionIntent intent) {
    if (chains.find(chain).isEmpty()) {
      throw new IllegalArgumentException("no configured chain " + chain);
    }
    TransactionId id = TransactionId.random();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
            insert into chain_transactions (id, chain_id, kind, wallet_index, from_address, to_address, value_wei, data, gas_limit,
              requested_by, reason, depends_on, status, next_attempt_at, created_at, updated_at)
            values (:id, :chain, :kind, :wallet, :from, :to, :value, :data, :gas, :requestedBy, :reason, :dependsOn, 'QUEUED', :now, :now, :now)
            """)
        .param("id", id.value())
        .param("chain", chain.value())
        .param("kind", intent.kind())
        .param("wallet", intent.wallet().index())
        .param("from", signer.address(intent.wallet()))
        .param("to", intent.to().hex())
        .param("value", intent.valueWei())
        .param("data", intent.data())
        .param("gas", intent.gasLimit())
        .param("requestedBy", intent.requestedBy().orElse(null))
        .param("reason", intent.reason())
        .param("dependsOn", intent.dependsOn().map(TransactionId::value).orElse(null))
        .param("now", now)
        .update();
    jdbc.sql("insert into chain_transaction_history (transaction_id, status, detail, at) values (:id, 'QUEUED', :reason, :now)")
        .param("id", id.value())
        .param("reason", intent.reason())
        .param("now", now)
        .update();
    wakePipelineAfterCommit(chain);
    return id;
  }

  public Optional<TransactionView> find(TransactionId id) {
    return rows.find(id);
  }

  /** The transaction that was mined under this hash (or any of its replaced versions). */
  public Optional<TransactionView> findByHash(String transactionHash) {
    return rows.findByHash(transactionHash);
  }

  /** Our transactions under these hashes (any of their versions), by lower-case hash. */
  public Map<String, TransactionId> idsByHash(Collection<String> transactionHashes) {
    return rows.idsByHash(transactionHashes);
  }

  public List<TransactionView> requestedBy(UUID user, int limit) {
    return rows.requestedBy(user, limit);
  }

  private void wakePipelineAfterCommit(ChainId chain) {
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          pipelines.wake(chain);
        }
      });
    } else {
      pipelines.wake(chain);
    }
  }
}
