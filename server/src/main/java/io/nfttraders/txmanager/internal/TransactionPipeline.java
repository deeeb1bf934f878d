package io.nfttraders.txmanager.internal;

import io.nfttraders.platform.WorkerLoop;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drives the steps in a loop on one thread per server instance: sign what is queued, broadcast
 * what is signed, collect receipts, confirm. It sleeps only when a whole round found nothing to
 * do, and an enqueue wakes it at once. Several instances may run it against one database: every
 * step claims rows with row locks or conditional updates. Reported as "transactionPipeline" in
 * /actuator/health.
 */
@Component("transactionPipeline")
public class TransactionPipeline implements SmartLifecycle, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(TransactionPipeline.class);

  private final SigningStep signing;
  private final BroadcastStep broadcast;
  private final ReceiptStep receipts;
  private final ConfirmationStep confirmations;
  private final WorkerLoop loop;

  TransactionPipeline(SigningStep signing, BroadcastStep broadcast, ReceiptStep receipts, ConfirmationStep confirmations,
      TxManagerProperties properties) {
    this.signing = signing;
    this.broadcast = broadcast;
    this.receipts = receipts;
    this.confirmations = confirmations;
    this.loop = new WorkerLoop("tx-pipeline", this::round, properties.idlePoll());
  }

  /** Something was enqueued: don't wait for the idle poll. */
  public void wake() {
    loop.wake();
  }

  private int round() {
    return step("signing", signing::run) + step("broadcast", broadcast::run) + step("receipts", receipts::run)
        + step("confirmations", confirmations::run);
  }

  /** A failing step (node down, database hiccup) must not stop the others: it is logged and retried next round. */
  private int step(String name, IntSupplier step) {
    try {
      return step.getAsInt();
    } catch (RuntimeException e) {
      log.warn("transaction pipeline step {} failed; retrying: {}", name, e.toString());
      return 0;
    }
  }

  @Override
  public Health health() {
    return loop.isAlive() ? Health.up().build() : Health.down().withDetail("thread", "tx-pipeline died").build();
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop(Duration.ofSeconds(10));
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}
