package io.nfttraders.chain.internal;

import io.nfttraders.chain.Chains;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "chain" in /actuator/health: each chain's node answers and is on its configured chain. Down
 * while the default chain's node is; another chain's outage shows in its details.
 */
@Component("chain")
class ChainHealthIndicator implements HealthIndicator {

  private final Chains chains;

  ChainHealthIndicator(Chains chains) {
    this.chains = chains;
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    boolean defaultUp = true;
    for (Chains.Chain chain : chains.all()) {
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("chainId", chain.properties().id());
      detail.put("embedded", chain.endpoint().embedded());
      try {
        detail.put("blockNumber", chain.client().blockNumber());
        detail.put("status", "UP");
      } catch (RuntimeException e) {
        detail.put("status", "DOWN");
        detail.put("error", e.getClass().getSimpleName());
        defaultUp &= chain != chains.defaultChain();
      }
      details.put(chain.key(), detail);
    }
    return (defaultUp ? Health.up() : Health.down()).withDetails(details).build();
  }
}
