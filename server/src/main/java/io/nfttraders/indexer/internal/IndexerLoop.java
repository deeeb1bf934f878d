package io.nfttraders.indexer.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs the {@link ChainFollower} on its own thread: as fast as it can while behind, polling when caught up. */
@Component
class IndexerLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(IndexerLoop.class);

  private final ChainFollower follower;
  private final IndexerProperties properties;
  private final IndexerMetrics metrics;
  private volatile boolean running;
  private Thread thread;

  IndexerLoop(ChainFollower follower, IndexerProperties properties, IndexerMetrics metrics) {
    this.follower = follower;
    this.properties = properties;
    this.metrics = metrics;
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      return;
    }
    running = true;
    thread = Thread.ofPlatform().name("indexer").daemon().start(this::loop);
  }

  private void loop() {
    while (running) {
      long started = System.nanoTime();
      try {
        if (follower.step() == 0) {
          Thread.sleep(properties.pollInterval());
        } else {
          metrics.stepIndexed(Duration.ofNanos(System.nanoTime() - started));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        metrics.stepFailed(Duration.ofNanos(System.nanoTime() - started));
        log.warn("indexing step failed; retrying: {}", e.toString());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
