package io.nfttraders.txmanager.internal;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Drives the steps in a loop on one thread per server instance: sign what is queued, broadcast
 * what is signed, collect receipts, confirm. It sleeps only when a whole round found nothing to
 * do, and an enqueue wakes it at once. Several instances may run it against one database: every
 * step claims rows with row locks or conditional updates.
 */
@Component
public class TransactionPipeline implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TransactionPipeline.class);

  private final SigningStep signing;
  private final BroadcastStep broadcast;
  private final ReceiptStep receipts;
  private final ConfirmationStep confirmations;
  private final TxManagerProperties properties;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private Thread thread;

  TransactionPipeline(SigningStep signing, BroadcastStep broadcast, ReceiptStep receipts, ConfirmationStep confirmations,
      TxManagerProperties properties) {
    this.signing = signing;
    this.broadcast = broadcast;
    this.receipts = receipts;
    this.confirmations = confirmations;
    this.properties = properties;
  }

  /** Something was enqueued: don't wait for the idle poll. */
  public void wake() {
    wake.release();
  }

  @Override
  public void start() {
    running = true;
    thread = Thread.ofPlatform().name("tx-pipeline").daemon().start(this::loop);
  }

  @Override
  public void stop() {
    running = false;
    wake.release();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void loop() {
    while (running) {
      int work = step("signing", signing::run) + step("broadcast", broadcast::run) + step("receipts", receipts::run)
          + step("confirmations", confirmations::run);
      if (work == 0) {
        pause(properties.idlePoll().toMillis());
      }
    }
  }

  /** A failing step (node down, database hiccup) must not stop the others: it is logged and retried next round. */
  private int step(String name, java.util.function.IntSupplier step) {
    try {
      return step.getAsInt();
    } catch (RuntimeException e) {
      log.warn("transaction pipeline step {} failed; retrying: {}", name, e.toString());
      pause(200);
      return 0;
    }
  }

  private void pause(long millis) {
    try {
      if (wake.tryAcquire(millis, TimeUnit.MILLISECONDS)) {
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
