package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.WorkerLoop;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

  private final HttpProperties limits;
  private final Set<BodyReception> receiving = ConcurrentHashMap.newKeySet();
  private final WorkerLoop sweeper = new WorkerLoop("slow-bodies", this::sweep, Duration.ofMillis(200));

  SlowBodies(HttpProperties limits) {
    this.limits = limits;
  }

  void watch(BodyReception reception) {
    receiving.add(reception);
  }

  /** Always 0: a sweep has nothing to do until the next. */
  private int sweep() {
    receiving.removeIf(this::done);
    return 0;
  }

  private boolean done(BodyReception reception) {
    try {
      return reception.expireIfTooSlow(limits);
    } catch (RuntimeException e) {
      // the request ended some other way meanwhile (e.g. the client went away as it was refused)
      log.info("a slow request body could not be refused: {}", e.toString());
      return true;
    }
  }

  /** Stopped after the web server (a later phase stops first): slow bodies are still cut off while it drains its requests. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public void start() {
    sweeper.start();
  }

  @Override
  public void stop() {
    sweeper.stop(Duration.ofSeconds(1));
  }

  @Override
  public boolean isRunning() {
    return sweeper.isRunning();
  }
}
