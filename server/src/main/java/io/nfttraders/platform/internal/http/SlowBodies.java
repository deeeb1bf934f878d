package io.nfttraders.platform.internal.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The bodies being received without a thread, swept a few times a second: one that arrives slower
 * than {@code nft.http.min-body-rate} once its {@code nft.http.body-timeout} has passed is refused
 * (408) and its connection closed, so a client trickling bytes holds a connection for a bounded
 * time and never a request thread.
 */
@Component
class SlowBodies implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SlowBodies.class);
  private static final long SWEEP_MILLIS = 200;

  private final HttpProperties limits;
  private final Set<BodyReception> receiving = ConcurrentHashMap.newKeySet();
  private @Nullable ScheduledExecutorService sweeper;

  SlowBodies(HttpProperties limits) {
    this.limits = limits;
  }

  void watch(BodyReception reception) {
    receiving.add(reception);
  }

  private void sweep() {
    receiving.removeIf(this::done);
  }

  private boolean done(BodyReception reception) {
    try {
      return reception.expireIfTooSlow(limits);
    } catch (RuntimeException e) {
      // the request ended some other way meanwhile (e.g. the client went away as it was refused)
      log.warn("a slow request body could not be refused", e);
      return true;
    }
  }

  @Override
  public synchronized void start() {
    sweeper = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("slow-bodies").daemon().factory());
    sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (sweeper != null) {
      sweeper.shutdownNow();
      sweeper = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return sweeper != null;
  }
}
