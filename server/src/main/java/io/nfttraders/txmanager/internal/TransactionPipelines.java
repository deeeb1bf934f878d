package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.Chains;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.signer.Signer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One {@link TransactionPipeline} per chain, each with its own steps and threads: nonces are per
 * chain and sender, and a chain whose node stalls leaves the others' transactions moving.
 * Reported as "transactionPipeline" in /actuator/health.
 */
@Component("transactionPipeline")
public class TransactionPipelines implements SmartLifecycle, HealthIndicator {

  private final Map<ChainId, TransactionPipeline> byChain = new LinkedHashMap<>();

  TransactionPipelines(Chains chains, JdbcClient jdbc, TransactionTemplate transactions, StepTransactions steps, TransactionRows rows,
      NonceAllocator nonces, TransactionVersions versions, Signer signer, FeePolicy feePolicy, ApplicationEventPublisher events,
      TxManagerProperties properties) {
    for (Chains.Chain chain : chains.all()) {
      StuckTransactions stuck = new StuckTransactions(jdbc, transactions, rows, chain.client(), versions, nonces, feePolicy, properties);
      byChain.put(chain.id(), new TransactionPipeline(chain.key(),
          new SigningStep(jdbc, transactions, steps, rows, nonces, signer, chain, properties, feePolicy),
          new BroadcastStep(jdbc, transactions, steps, rows, chain, versions, feePolicy, properties),
          new ReceiptStep(jdbc, steps, rows, chain, stuck, events, properties),
          new ConfirmationStep(jdbc, steps, rows, chain, events, properties),
          properties));
    }
  }

  /** A transaction was enqueued for this chain: its sender need not wait for the idle poll. */
  public void wake(ChainId chain) {
    Objects.requireNonNull(byChain.get(chain), () -> "no pipeline for chain " + chain).wake();
  }

  @Override
  public Health health() {
    return byChain.values().stream().map(TransactionPipeline::deadThread).filter(Objects::nonNull).findFirst()
        .map(dead -> Health.down().withDetail("thread", dead + " died").build())
        .orElseGet(() -> Health.up().build());
  }

  @Override
  public void start() {
    byChain.values().forEach(TransactionPipeline::start);
  }

  @Override
  public void stop() {
    byChain.values().forEach(TransactionPipeline::stop);
  }

  @Override
  public boolean isRunning() {
    return byChain.values().stream().anyMatch(TransactionPipeline::isRunning);
  }
}
