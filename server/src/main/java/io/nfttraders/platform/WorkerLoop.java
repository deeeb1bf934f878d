package io.nfttraders.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background worker: runs {@code round} again and again on its own thread, sleeping only after
 * a round that found nothing to do (a {@link #wake()} cuts the sleep short). A failing round is
 * logged and retried after a pause; an Error (out of memory...) ends the thread, and
 * {@link #isAlive()} tells health checks about it instead of the worker vanishing silently.
 */
public final class WorkerLoop {

  private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);
  private static final Duration AFTER_FAILURE = Duration.ofSeconds(1);

  private final String name;
  private final IntSupplier round;
  private final Duration idle;
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean running;
  private volatile Thread thread;

  /** @param round does one round of work and returns how much it did (0: nothing to do) */
  public WorkerLoop(String name, IntSupplier round, Duration idle) {
    this.name = name;
    this.round = round;
    this.idle = idle;
  }

  public void start() {
    running = true;
    thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
  }

  public void wake() {
    wake.release();
  }

  /** Stops after the current round; waits for it at most {@code timeout}. */
  public void stop(Duration timeout) {
    running = false;
    wake.release();
    Thread current = thread;
    if (current != null) {
      try {
        current.join(timeout.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  public boolean isRunning() {
    return running;
  }

  /** False once started and the thread died (it should only end through {@link #stop}). */
  public boolean isAlive() {
    Thread current = thread;
    return !running || (current != null && current.isAlive());
  }

  private void loop() {
    while (running) {
      int work;
      try {
        work = round.getAsInt();
      } catch (RuntimeException e) {
        log.warn("{} round failed; retrying: {}", name, e.toString());
        pause(AFTER_FAILURE);
        continue;
      }
      if (work == 0) {
        pause(idle);
      }
    }
  }

  private void pause(Duration duration) {
    try {
      if (wake.tryAcquire(duration.toMillis(), TimeUnit.MILLISECONDS)) {
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }
}
