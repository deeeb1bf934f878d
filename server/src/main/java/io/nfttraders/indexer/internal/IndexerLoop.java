package io.nfttraders.indexer.internal;

import io.nfttraders.platform.WorkerLoop;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ChainFollower} on its own thread: as fast as it can while behind, polling when
 * caught up. Reported as "indexer" in /actuator/health.
 */
@Component("indexer")
class IndexerLoop implements SmartLifecycle, HealthIndicator {

  private final ChainFollower follower;
  private final IndexerProperties properties;
  private final IndexerMetrics metrics;
  private final WorkerLoop loop;

  IndexerLoop(ChainFollower follower, IndexerProperties properties, IndexerMetrics metrics) {
    this.follower = follower;
    this.properties = properties;
    this.metrics = metrics;
    this.loop = new WorkerLoop("indexer", this::timedStep, properties.pollInterval());
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

  @Override
  public Health health() {
    return loop.isAlive() ? Health.up().build() : Health.down().withDetail("thread", "indexer died").build();
  }

  @Override
  public void start() {
    if (properties.enabled()) {
      loop.start();
    }
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
