package io.nfttraders.chain.internal;

import io.nfttraders.chain.Chains;
import java.math.BigInteger;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "chain" in /actuator/health: each chain's node answers and is on its configured chain. Down
 * while the default chain's node is; another chain's outage shows in its details. Every node is
 * asked at once and given {@link #PROBE}: a stalled node would otherwise hold the health check (and
 * readiness with it) for its whole RPC timeout.
 */
@Component("chain")
class ChainHealthIndicator implements HealthIndicator {

  private static final Duration PROBE = Duration.ofSeconds(2);
  /** A probe left waiting on a stalled node ends with that node's RPC timeout, on its own virtual thread. */
  private static final Executor PROBES = task -> Thread.ofVirtual().name("chain-health").start(task);

  private final Chains chains;

  ChainHealthIndicator(Chains chains) {
    this.chains = chains;
  }

  @Override
  public Health health() {
    Map<Chains.Chain, CompletableFuture<BigInteger>> probes = new LinkedHashMap<>();
    chains.all().forEach(chain -> probes.put(chain, CompletableFuture.supplyAsync(() -> chain.client().blockNumber(), PROBES)));
    long deadline = System.nanoTime() + PROBE.toNanos();
    Map<String, Object> details = new LinkedHashMap<>();
    boolean defaultUp = true;
    for (Map.Entry<Chains.Chain, CompletableFuture<BigInteger>> probe : probes.entrySet()) {
      Chains.Chain chain = probe.getKey();
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("chainId", chain.properties().id());
      detail.put("embedded", chain.endpoint().embedded());
      try {
        detail.put("blockNumber", probe.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        detail.put("status", "UP");
      } catch (TimeoutException | ExecutionException e) {
        detail.put("status", "DOWN");
        detail.put("error", e instanceof TimeoutException ? "no answer within " + PROBE.toSeconds() + " s" : e.getCause().getClass().getSimpleName());
        defaultUp &= chain != chains.defaultChain();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Health.unknown().build();
      }
      details.put(chain.key(), detail);
    }
    return (defaultUp ? Health.up() : Health.down()).withDetails(details).build();
  }
}
