package io.nfttraders.indexer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Indexer progress as seen from outside ({@code /actuator/prometheus}), so an operator or a
 * benchmark can tell how far behind the chain it is and how fast it applies transfers:
 * {@code nft_indexer_block} is the block indexed up to, {@code nft_indexer_transfers_total} the
 * transfers applied, by the event they came from ({@code Transfer}; {@code ConsecutiveTransfer} and
 * {@code TransferBatch} counted per token), {@code nft_indexer_logs_total} every log read (an ERC-20's
 * too), and {@code nft_indexer_step_seconds} the time spent in steps that indexed blocks or failed
 * (not the idle polls once caught up), so transfers or logs over step seconds is the indexing rate.
 * Each chain's indexer has its own, tagged with the chain's id ({@code chain}).
 */
class IndexerMetrics {

  private final AtomicLong indexedBlock = new AtomicLong(-1);
  private final Map<String, Counter> transfers = new HashMap<>();
  private final Counter logs;
  private final Timer indexedSteps;
  private final Timer failedSteps;

  IndexerMetrics(MeterRegistry registry, long chainId) {
    Tags chain = Tags.of("chain", Long.toString(chainId));
    Gauge.builder("nft.indexer.block", indexedBlock, AtomicLong::get)
        .description("The highest block the indexer has fully processed")
        .tags(chain)
        .register(registry);
    for (String event : List.of("Transfer", "ConsecutiveTransfer", "TransferSingle", "TransferBatch")) {
      transfers.put(event, transfersCounter(registry, chain, event));
    }
    this.logs = Counter.builder("nft.indexer.logs").description("Logs read from the chain, of any contract").tags(chain).register(registry);
    this.indexedSteps = stepTimer(registry, chain, "indexed");
    this.failedSteps = stepTimer(registry, chain, "failed");
  }

  private static Timer stepTimer(MeterRegistry registry, Tags chain, String outcome) {
    return Timer.builder("nft.indexer.step")
        .description("Indexing steps that indexed blocks or failed")
        .tags(chain)
        .tag("outcome", outcome)
        .register(registry);
  }

  private static Counter transfersCounter(MeterRegistry registry, Tags chain, String event) {
    return Counter.builder("nft.indexer.transfers")
        .description("Token transfers applied to the transfer log")
        .tags(chain)
        .tag("event", event)
        .register(registry);
  }

  void stepIndexed(Duration took) {
    indexedSteps.record(took);
  }

  void stepFailed(Duration took) {
    failedSteps.record(took);
  }

  void indexedUpTo(long block) {
    indexedBlock.set(block);
  }

  /**
   * Called after the database transaction committed, so the numbers never run ahead of the data.
   *
   * @param transfersByEvent transfers applied, by the name of the event they came from
   */
  void applied(long logsRead, Map<String, Long> transfersByEvent) {
    logs.increment(logsRead);
    transfersByEvent.forEach((event, count) -> transfers.get(event).increment(count));
  }
}
