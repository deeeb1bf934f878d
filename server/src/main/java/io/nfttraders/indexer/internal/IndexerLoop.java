package io.nfttraders.indexer.internal;

import io.nfttraders.platform.WorkerLoop;
import java.time.Duration;

/** Runs one chain's {@link ChainFollower} on its own thread: as fast as it can while behind, polling when caught up. */
final class IndexerLoop {

  private final ChainFollower follower;
  private final IndexerMetrics metrics;
  private final String threadName;
  private final WorkerLoop loop;

  IndexerLoop(String chainKey, ChainFollower follower, IndexerProperties properties, IndexerMetrics metrics) {
    this.follower = follower;
    this.metrics = metrics;
    this.threadName = "indexer-" + chainKey;
    this.loop = new WorkerLoop(threadName, this::timedStep, properties.pollInterval());
  }

  private int timedStep() {
    long started = System.nanoTime();
    try {
      int indexed = follower.step();
      if (indexed > 0) {
        metrics.stepIndexed(Duration.ofNanos(System.nanoTime() - started));
      }
      return indexed;
    } catch (RuntimeException e) {
      metrics.stepFailed(Duration.ofNanos(System.nanoTime() - started));
      throw e;
    }
  }

  boolean isAlive() {
    return loop.isAlive();
  }

  String threadName() {
    return threadName;
  }

  void start() {
    loop.start();
  }

  void stop() {
    loop.stop(Duration.ofSeconds(10));
  }

  boolean isRunning() {
    return loop.isRunning();
  }
}
