package io.nfttraders.indexer.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.nfttraders.chain.ChainContracts;
import io.nfttraders.chain.Chains;
import io.nfttraders.indexer.IndexedLogsListener;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One indexer per chain, each on its own thread with its own node client, cursor and metrics, so a
 * chain whose node stalls leaves the others indexing. Reported as "indexer" in /actuator/health.
 */
@Component("indexer")
class ChainIndexers implements SmartLifecycle, HealthIndicator {

  private final List<IndexerLoop> loops = new ArrayList<>();
  private final IndexerProperties properties;

  ChainIndexers(Chains chains, ChainContracts contracts, JdbcClient jdbc, TransactionTemplate transactions, TransferLog transferLog,
      IndexerProperties properties, MeterRegistry registry, List<IndexedLogsListener> listeners) {
    this.properties = properties;
    for (Chains.Chain chain : chains.all()) {
      IndexerMetrics metrics = new IndexerMetrics(registry, chain.properties().id());
      // the capabilities that listen (market, auctions, minting, collections, metadata) work on the
      // default chain so far: another chain's indexer keeps its NFTs, owners and balances alone
      List<IndexedLogsListener> listening = chain == chains.defaultChain() ? listeners : List.of();
      ChainFollower follower = new ChainFollower(chain, contracts.find(chain.id()).orElseThrow(), jdbc, transactions, transferLog, properties, metrics,
          listening, new NftContracts(chain.client(), jdbc));
      loops.add(new IndexerLoop(chain.key(), follower, properties, metrics));
    }
  }

  @Override
  public Health health() {
    return loops.stream().filter(loop -> !loop.isAlive()).findFirst()
        .map(dead -> Health.down().withDetail("thread", dead.threadName() + " died").build())
        .orElseGet(() -> Health.up().build());
  }

  @Override
  public void start() {
    if (properties.enabled()) {
      loops.forEach(IndexerLoop::start);
    }
  }

  @Override
  public void stop() {
    loops.forEach(IndexerLoop::stop);
  }

  @Override
  public boolean isRunning() {
    return loops.stream().anyMatch(IndexerLoop::isRunning);
  }
}
