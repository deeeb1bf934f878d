package io.nfttraders.txmanager.internal;

import io.nfttraders.platform.WorkerLoop;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one chain's steps on two threads: "tx-send-KEY" signs what is queued and broadcasts what
 * is signed, "tx-track-KEY" collects receipts and confirms, so that sending the next transactions
 * never waits for the receipts of the last ones. Each sleeps only when a round found nothing to
 * do; an enqueue wakes the sender, a broadcast the tracker. Every step claims its rows with row
 * locks or conditional updates, which is also what lets several instances share one database. A
 * chain whose node is down only holds up its own threads.
 */
final class TransactionPipeline {

  private static final Logger log = LoggerFactory.getLogger(TransactionPipeline.class);

  private final String chainKey;
  private final SigningStep signing;
  private final BroadcastStep broadcast;
  private final ReceiptStep receipts;
  private final ConfirmationStep confirmations;
  private final WorkerLoop sender;
  private final WorkerLoop tracker;

  TransactionPipeline(String chainKey, SigningStep signing, BroadcastStep broadcast, ReceiptStep receipts, ConfirmationStep confirmations,
      TxManagerProperties properties) {
    this.chainKey = chainKey;
    this.signing = signing;
    this.broadcast = broadcast;
    this.receipts = receipts;
    this.confirmations = confirmations;
    this.sender = new WorkerLoop("tx-send-" + chainKey, this::sendRound, properties.idlePoll());
    this.tracker = new WorkerLoop("tx-track-" + chainKey, this::trackRound, properties.idlePoll());
  }

  /** Something was enqueued: don't wait for the idle poll. */
  void wake() {
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
      log.warn("transaction pipeline step {} of chain {} failed; retrying: {}", name, chainKey, e.toString());
      return 0;
    }
  }

  /** Which of its threads died, if one did. */
  @Nullable String deadThread() {
    return !sender.isAlive() ? "tx-send-" + chainKey : !tracker.isAlive() ? "tx-track-" + chainKey : null;
  }

  void start() {
    sender.start();
    tracker.start();
  }

  void stop() {
    sender.stop(Duration.ofSeconds(10));
    tracker.stop(Duration.ofSeconds(10));
  }

  boolean isRunning() {
    return sender.isRunning() || tracker.isRunning();
  }
}
