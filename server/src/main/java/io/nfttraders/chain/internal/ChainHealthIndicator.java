package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** "chain" in /actuator/health: the node answers and is on the configured chain. */
@Component("chain")
class ChainHealthIndicator implements HealthIndicator {

  private final ChainClient chain;

  ChainHealthIndicator(ChainClient chain) {
    this.chain = chain;
  }

  @Override
  public Health health() {
    try {
      return Health.up()
          .withDetail("chainId", chain.endpoint().chainId())
          .withDetail("blockNumber", chain.blockNumber())
          .withDetail("embedded", chain.endpoint().embedded())
          .build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
