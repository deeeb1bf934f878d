package io.nfttraders.bench;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * The indexer catching up from scratch over 100,000 ERC-721 Transfer logs of our Collection, among
 * the ERC-20 and ERC-1155 traffic of other contracts (by default 100,000 and 50,000 transfer logs):
 * it reads every NFT transfer of the chain. Targets: 20,000 ERC-721 Transfer logs/s, and at least
 * half the rate of reading the same logs with eth_getLogs alone.
 *
 * <pre>bench/run IndexerBackfill [--tokens=10000] [--rounds=10] [--per-transaction=100] [--erc20-logs=100000]
 *     [--erc1155-logs=50000] [--jfr=false] [--server-options=--nft.indexer.max-range=20000,...] [--keep-data=false]</pre>
 *
 * The server first runs with its indexer disabled while {@link ChainFixture} puts the logs on the
 * chain; then it is stopped and started again on the same data directory with the indexer
 * enabled, and the benchmark reads {@code /actuator/prometheus} every 200 ms until the indexed
 * block reaches the chain head. The rate is Transfer logs applied over the indexer's own step
 * time ({@code nft_indexer_step_seconds}); the wall time from the first scrape is shown beside it.
 * The baseline is reading the same logs (every contract's, by the indexer's topics) with eth_getLogs
 * alone (no database), which bounds what any indexer on this node can do, taken as the median of three
 * passes; the ratio compares all logs read per second.
 */
public final class IndexerBackfill {

  static final double TARGET_LOGS_PER_SECOND = 20_000;
  static final double TARGET_OF_GET_LOGS = 0.5;
  private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
  /** A scrape costs the server a few milliseconds of CPU (JFR showed 10 ms scrapes taking ~15% of it): look often, not constantly. */
  private static final Duration SCRAPE_INTERVAL = Duration.ofMillis(200);
  private static final int BASELINE_PASSES = 3;

  private IndexerBackfill() {}

  /** One Prometheus scrape's indexer numbers. */
  record Progress(long nanos, double block, double transfers, double consecutive, double logs, double indexedSeconds, double failedSteps) {}

  public static void main(String[] argv) {
    Args args = new Args(argv);
    int tokens = args.number("tokens", 10_000);
    int rounds = args.number("rounds", 10);
    int perTransaction = args.number("per-transaction", 100);
    int erc20Logs = args.number("erc20-logs", 100_000);
    int erc1155Logs = args.number("erc1155-logs", 50_000);
    boolean jfr = args.flag("jfr");
    List<String> serverOptions = args.list("server-options");
    boolean keepData = args.flag("keep-data");
    args.rejectUnknown();

    Path data = Project.freshDataDirectory("indexer");
    MintRun.prepare("IndexerBackfill", args);
    System.out.println("data directory " + data);
    try {
      ChainFixture.Result fixture;
      Api.Chain chainInfo;
      String operatorToken;
      try (BenchServer server = BenchServer.start(data, List.of(), List.of("--nft.indexer.enabled=false", "--nft.auth.admin-emails=" + Api.OPERATOR))) {
        Api api = server.api();
        // metrics are for admins; the token (15 min) stays valid across the restart below
        operatorToken = api.signUp(Api.OPERATOR).accessToken();
        chainInfo = api.chain();
        try (DevChain chain = new DevChain(chainInfo.rpcUrl())) {
          String minter = minterWallet(api, chain);
          fixture = ChainFixture.build(chain, chainInfo.collection(), minter, tokens, rounds, perTransaction, erc20Logs, erc1155Logs);
        }
      }
      System.out.printf("fixture: %,d Transfer logs over %,d tokens, %,d ERC-20 and %,d ERC-1155 transfer logs, up to block %d, built in %.1f s%n",
        fixture.transferLogs(), fixture.tokens(), fixture.erc20Logs(), fixture.erc1155Logs(), fixture.lastBlock(), fixture.took().toNanos() / 1e9);

      List<String> jvm = MintRun.jvmOptions(jfr, "indexer-backfill");
      List<String> options = new ArrayList<>(serverOptions);
      options.add("--nft.auth.admin-emails=" + Api.OPERATOR);
      try (BenchServer server = BenchServer.launch(data, jvm, options)) {
        Machine.Snapshot before = Machine.snapshot();
        Watched watched = watch(server, chainInfo.id(), fixture.lastBlock(), operatorToken);
        Machine.Foreign foreign = Machine.foreign(before, Machine.snapshot());
        server.awaitReady();
        Api api = server.api();
        try (DevChain chain = new DevChain(api.chain().rpcUrl())) {
          verifySample(api, chain, chainInfo, fixture);
          // one pass of a few seconds varies by tens of percent on a shared VM: the median of three
          double[] passes = new double[BASELINE_PASSES];
          Machine.CpuMeter baselineCpu = Machine.cpuMeter();
          for (int i = 0; i < passes.length; i++) {
            passes[i] = fetchOnly(chain, fixture.lastBlock(), Math.max(1, 5_000 / perTransaction));
          }
          print(watched.samples(), fixture, passes, perTransaction, serverOptions, foreign);
          printCpu(watched, baselineCpu.stop(), passes);
        }
      }
    } finally {
      if (!keepData) {
        Project.delete(data);
      }
    }
  }

  /** Signs up a user and mints once through the API, so the server grants the user's wallet MINTER_ROLE (user-signed mode). */
  private static String minterWallet(Api api, DevChain chain) {
    Api.User user = MintRun.users(api, chain, 1).getFirst();
    String tx = api.mint(user, Uploads.single(42));
    Confirmations.Settled settled = Confirmations.await(api, List.of(new MintLoad.Accepted(user, tx, 1)), Duration.ofMinutes(1));
    if (settled.confirmedNfts() != 1) {
      throw new IllegalStateException("the setup mint failed: " + settled.failures());
    }
    return user.walletAddress();
  }

  /** The scrapes, and the CPU our processes used from the first scrape that showed the indexer to the last. */
  record Watched(List<Progress> samples, Machine.CpuUse cpu) {}

  /** Scrapes from the server's launch until the chain's indexer reports {@code head}. */
  private static Watched watch(BenchServer server, long chainId, long head, String operatorToken) {
    String chain = "chain=\"" + chainId + "\"";
    List<Progress> samples = new ArrayList<>();
    Machine.CpuMeter cpu = null;
    long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IllegalStateException("the server exited while indexing");
      }
      String scrape = server.api().prometheus(operatorToken);
      long now = System.nanoTime();
      double block = Prometheus.value(scrape, "nft_indexer_block", chain).orElse(Double.NaN);
      if (!Double.isNaN(block)) {
        cpu = cpu == null ? Machine.cpuMeter() : cpu;
        samples.add(new Progress(now, block,
            Prometheus.value(scrape, "nft_indexer_transfers_total", chain, "event=\"Transfer\"").orElse(0),
            Prometheus.value(scrape, "nft_indexer_transfers_total", chain, "event=\"ConsecutiveTransfer\"").orElse(0),
            Prometheus.value(scrape, "nft_indexer_logs_total", chain).orElse(0),
            Prometheus.value(scrape, "nft_indexer_step_seconds_sum", chain, "outcome=\"indexed\"").orElse(0),
            Prometheus.value(scrape, "nft_indexer_step_seconds_count", chain, "outcome=\"failed\"").orElse(0)));
        if (block >= head) {
          return new Watched(samples, cpu.stop());
        }
      }
      Pause.millis(SCRAPE_INTERVAL.toMillis());
    }
    throw new IllegalStateException("the indexer did not reach block " + head + " within " + CATCH_UP_TIMEOUT);
  }

  /** Twenty random tokens: the owner the server's API shows is the owner on chain. */
  private static void verifySample(Api api, DevChain chain, Api.Chain info, ChainFixture.Result fixture) {
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      BigInteger id = fixture.firstTokenId().add(BigInteger.valueOf(random.nextInt(fixture.tokens())));
      String indexed = api.nft(info.id(), info.collection(), id).get("owner").asString();
      String onChain = Contracts.ownerOf(chain, info.collection(), id);
      if (!indexed.equalsIgnoreCase(onChain)) {
        throw new IllegalStateException("token " + id + ": the API says " + indexed + ", the chain says " + onChain);
      }
    }
  }

  /** The baseline: every contract's transfer logs read with eth_getLogs alone, in ranges of {@code blocksPerCall}; logs/s. */
  private static double fetchOnly(DevChain chain, long head, int blocksPerCall) {
    long started = System.nanoTime();
    long logs = 0;
    for (long from = 0; from <= head; from += blocksPerCall) {
      logs += chain.logs(from, Math.min(head, from + blocksPerCall - 1), Contracts.NFT_TRANSFER_TOPICS).size();
    }
    return logs / ((System.nanoTime() - started) / 1e9);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * Where the CPU went, and the ratio this run's CPU work would reach with every core busy all
   * along (its wall time no shorter than its CPU time over the cores): a run near it is bound by
   * the machine's cores, not by waiting.
   */
  private static void printCpu(Watched watched, Machine.CpuUse baselineCpu, double[] baselinePasses) {
    Progress first = watched.samples().getFirst();
    Progress last = watched.samples().getLast();
    double logs = last.logs() - first.logs();
    double ceiling = (logs / watched.cpu().floorSeconds()) / median(baselinePasses);
    System.out.print(new Table("CPU, first scrape -> head (s)", "CPU, eth_getLogs alone (all passes, s)", "ratio with every core busy (ceiling)")
        .row(watched.cpu(), baselineCpu, String.format(Locale.ROOT, "%.2f", ceiling)));
  }

  private static void print(List<Progress> samples, ChainFixture.Result fixture, double[] baselinePasses, int perTransaction, List<String> options,
      Machine.Foreign foreignCpu) {
    double fetchOnly = median(baselinePasses);
    Progress first = samples.getFirst();
    Progress last = samples.getLast();
    double transfers = last.transfers();
    double rate = transfers / last.indexedSeconds();
    double wall = (last.nanos() - first.nanos()) / 1e9;
    // the server has just started: its JIT compiles while the backfill runs; the second half shows the indexer warmer
    Progress half = samples.stream().filter(p -> p.transfers() >= transfers / 2).findFirst().orElse(first);
    double secondHalf = (last.transfers() - half.transfers()) / (last.indexedSeconds() - half.indexedSeconds());
    double logsPerSecond = last.logs() / last.indexedSeconds();
    System.out.println();
    System.out.println("Indexer backfill, " + LocalDate.now() + (options.isEmpty() ? "" : ", server options " + options) + ":");
    System.out.println();
    System.out.print(new Table("Transfer logs", "+ minted tokens (ConsecutiveTransfer)", "all logs read", "logs per block", "indexer step time (s)",
        "Transfer logs/s", "second half, logs/s", "first scrape -> head (s)", "failed steps", "target", "other processes' CPU")
        .row((long) transfers, (long) last.consecutive(), (long) last.logs(), perTransaction, last.indexedSeconds(), rate, secondHalf,
            String.format(Locale.ROOT, "%.2f (first scrape at %,.0f transfers)", wall, first.transfers()),
            (long) last.failedSteps(),
            String.format(Locale.ROOT, ">= 20,000/s: %.2fx, %s", rate / TARGET_LOGS_PER_SECOND, rate >= TARGET_LOGS_PER_SECOND ? "met" : "MISSED"),
            foreignCpu));
    double ratio = logsPerSecond / fetchOnly;
    String passes = Arrays.stream(baselinePasses).mapToObj(p -> String.format(Locale.ROOT, "%,.0f", p)).collect(Collectors.joining(", "));
    System.out.print(new Table("all logs read/s by the indexer", "eth_getLogs alone, logs/s (same logs): median of " + passes, "ratio", "target")
        .row(logsPerSecond, fetchOnly, ratio, String.format(Locale.ROOT, ">= %.1fx: %s", TARGET_OF_GET_LOGS, ratio >= TARGET_OF_GET_LOGS ? "met" : "MISSED")));
    System.out.printf("(%,d Transfer logs on chain from the fixture, plus the setup mint's one)%n", fixture.transferLogs());
  }
}
