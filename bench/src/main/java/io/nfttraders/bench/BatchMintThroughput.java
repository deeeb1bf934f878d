package io.nfttraders.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark 2 of the minting issue: drops ({@code POST /api/v1/nfts/batch}, one mintBatch
 * transaction each) from several users to CONFIRMED. Target: 2,000 confirmed NFTs/s. The naive
 * single-mint loop runs on the same anvil for comparison.
 *
 * <pre>bench/run BatchMintThroughput [--mode=USER_SIGNED|SPONSORED] [--drops=20] [--items=100] [--users=20] [--threads=8]
 *     [--baseline=500] [--warmup=200] [--jfr=false] [--keep-data=false] [--server-options=--key=value,...]</pre>
 */
public final class BatchMintThroughput {

  static final double TARGET_NFTS_PER_SECOND = 2_000;

  private BatchMintThroughput() {}

  public static void main(String[] argv) {
    Args args = new Args(argv);
    String mode = args.text("mode", "USER_SIGNED");
    int drops = args.number("drops", 20);
    int items = args.number("items", 100);
    int users = args.number("users", 20);
    int threads = args.number("threads", 8);
    int baselineIterations = args.number("baseline", 500);
    int warmup = args.number("warmup", 200);
    boolean jfr = args.flag("jfr");
    boolean keepData = args.flag("keep-data");
    List<String> extraServerOptions = args.list("server-options");
    args.rejectUnknown();

    Path data = Project.freshDataDirectory("batch");
    MintRun.prepare("BatchMintThroughput", args);
    System.out.println("data directory " + data);
    try (BenchServer server = BenchServer.start(data, MintRun.jvmOptions(jfr, "batch-mint-throughput"), MintRun.serverOptions(mode, extraServerOptions))) {
      Api api = server.api();
      try (DevChain chain = new DevChain(api.chain().rpcUrl())) {
        MintRun.warmUp(api, chain, warmup, threads);
        warmUpDrops(api, chain, threads, items);
        NaiveMintLoop.Result baseline = NaiveMintLoop.run(chain, baselineIterations);
        System.out.printf("baseline: %d naive mints in %.2f s%n", baseline.mints(), baseline.elapsed().toNanos() / 1e9);

        List<Api.User> measured = MintRun.users(api, chain, users);
        List<MintLoad.Job> jobs = new ArrayList<>();
        for (int d = 0; d < drops; d++) {
          jobs.add(new MintLoad.Job(measured.get(d % users), Uploads.drop(2_000_000L + (long) d * items, items), items));
        }
        MintRun.Outcome outcome = MintRun.measure(api, jobs, threads);
        print(mode, drops, items, threads, outcome, baseline);
      }
    } finally {
      if (!keepData) {
        Project.delete(data);
      }
    }
  }

  /** A few drops of their own before the clock runs, so the batch path is compiled too. */
  private static void warmUpDrops(Api api, DevChain chain, int threads, int items) {
    List<Api.User> users = MintRun.users(api, chain, 2);
    List<MintLoad.Job> jobs = new ArrayList<>();
    for (int d = 0; d < 8; d++) {
      jobs.add(new MintLoad.Job(users.get(d % users.size()), Uploads.drop(3_000_000L + (long) d * items, items), items));
    }
    MintRun.Outcome warm = MintRun.measure(api, jobs, threads);
    System.out.printf("warm-up: %d NFTs in drops confirmed at %.0f NFTs/s%n", warm.confirmedNfts(), warm.nftsPerSecond());
  }

  private static void print(String mode, int drops, int items, int threads, MintRun.Outcome o, NaiveMintLoop.Result baseline) {
    System.out.println();
    System.out.println("Drops, " + LocalDate.now() + ":");
    System.out.println();
    System.out.print(new Table("mode", "drops x items", "client threads", "first POST -> last CONFIRMED (s)", "confirmed NFTs/s",
        "POST p50 / p99 / max (ms)", "all POSTs answered (s)", "failed NFTs", "naive loop tx/s", "vs naive", "target", "other processes' CPU")
        .row(mode, drops + " x " + items, threads, o.seconds(), o.nftsPerSecond(),
            String.format(Locale.ROOT, "%.1f / %.1f / %.1f", o.latency().p50Millis(), o.latency().p99Millis(), o.latency().maxMillis()),
            o.sendingSeconds(), o.failedNfts(), baseline.perSecond(),
            String.format(Locale.ROOT, "%.1fx", o.nftsPerSecond() / baseline.perSecond()),
            String.format(Locale.ROOT, ">= 2,000/s: %.2fx, %s", o.nftsPerSecond() / TARGET_NFTS_PER_SECOND,
                o.nftsPerSecond() >= TARGET_NFTS_PER_SECOND ? "met" : "MISSED"),
            o.foreignCpu()));
  }
}
