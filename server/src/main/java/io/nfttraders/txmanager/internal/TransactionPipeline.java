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
 * Drives the steps on two threads per server instance: "tx-send" signs what is queued and
 * broadcasts what is signed, "tx-track" collects receipts and confirms, so that sending the next
 * transactions never waits for the receipts of the last ones. Each sleeps only when a round found
 * nothing to do; an enqueue wakes the sender, a broadcast the tracker. Every step claims its rows
 * with row locks or conditional updates, which is also what lets several instances share one
 * database. Reported as "transactionPipeline" in /actuator/health.
 */
@Component("transactionPipeline")
public class TransactionPipeline implements SmartLifecycle, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(TransactionPipeline.class);

  private final SigningStep signing;
  private final BroadcastStep broadcast;
  private final ReceiptStep receipts;
  private final ConfirmationStep confirmations;
  private final WorkerLoop sender;
  private final WorkerLoop tracker;

  TransactionPipeline(SigningStep signing, BroadcastStep broadcast, ReceiptStep receipts, ConfirmationStep confirmations,
      TxManagerProperties properties) {
    this.signing = signing;
    this.broadcast = broadcast;
    this.receipts = receipts;
    this.confirmations = confirmations;
    this.sender = new WorkerLoop("tx-send", this::sendRound, properties.idlePoll());
    this.tracker = new WorkerLoop("tx-track", this::trackRound, properties.idlePoll());
  }

  /** Something was enqueued: don't wait for the idle poll. */
  public void wake() {
    sender.wake();
  }

  private int sendRound() {
    int sent = step("signing", signing::run) + step("broadcast", broadcast::run);
    if (sent > 0) {
      tracker.wake();
    }
    return sent;
  }

  private int trackRound() {
    return step("receipts", receipts::run) + step("confirmations", confirmations::run);
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
    if (!sender.isAlive()) {
      return Health.down().withDetail("thread", "tx-send died").build();
    }
    return tracker.isAlive() ? Health.up().build() : Health.down().withDetail("thread", "tx-track died").build();
  }

  @Override
  public void start() {
    sender.start();
    tracker.start();
  }

  @Override
  public void stop() {
    sender.stop(Duration.ofSeconds(10));
    tracker.stop(Duration.ofSeconds(10));
  }

  @Override
  public boolean isRunning() {
    return sender.isRunning() || tracker.isRunning();
  }
}
