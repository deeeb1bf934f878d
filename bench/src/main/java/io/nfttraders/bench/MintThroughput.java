package io.nfttraders.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 1 of the minting issue: single mints ({@code POST /api/v1/nfts}) from many users to
 * CONFIRMED on the embedded chain, against the naive send-and-wait loop on the same anvil.
 *
 * <pre>bench/run MintThroughput [--mode=USER_SIGNED|SPONSORED] [--users=20] [--mints-per-user=100] [--threads=24]
 *     [--baseline=500] [--warmup=200] [--jfr=false] [--keep-data=false] [--server-options=--key=value,...]</pre>
 *
 * Order: start the server, warm it up (its own users, not counted), run the baseline, sign up the
 * measured users and wait for their wallets' funding, then send every mint and wait for every
 * transaction to be CONFIRMED. The baseline runs before the measured load, on the smaller chain.
 */
public final class MintThroughput {

  static final double TARGET_RATIO = 1.3;

  private MintThroughput() {}

  public static void main(String[] argv) {
    Args args = new Args(argv);
    String mode = args.text("mode", "USER_SIGNED");
    int users = args.number("users", 20);
    int perUser = args.number("mints-per-user", 100);
    int threads = args.number("threads", 24);
    int baselineIterations = args.number("baseline", 500);
    int warmup = args.number("warmup", 200);
    boolean jfr = args.flag("jfr");
    boolean keepData = args.flag("keep-data");
    List<String> extraServerOptions = args.list("server-options");
    args.rejectUnknown();

    Path data = Project.freshDataDirectory("mint");
    MintRun.prepare("MintThroughput", args);
    System.out.println("data directory " + data);
    try (BenchServer server = BenchServer.start(data, MintRun.jvmOptions(jfr, "mint-throughput"), MintRun.serverOptions(mode, extraServerOptions))) {
      Api api = server.api();
      try (DevChain chain = new DevChain(api.chain().rpcUrl())) {
        MintRun.warmUp(api, chain, warmup, threads);
        NaiveMintLoop.Result baseline = NaiveMintLoop.run(chain, baselineIterations);
        System.out.printf("baseline: %d naive mints in %.2f s%n", baseline.mints(), baseline.elapsed().toNanos() / 1e9);

        List<Api.User> measured = MintRun.users(api, chain, users);
        List<MintLoad.Job> jobs = new ArrayList<>();
        for (int i = 0; i < perUser; i++) {
          for (int u = 0; u < users; u++) {
            jobs.add(new MintLoad.Job(measured.get(u), Uploads.single(1_000_000L + (long) i * users + u), 1));
          }
        }
        MintRun.Outcome outcome = MintRun.measure(api, jobs, threads);
        print(mode, threads, outcome, baseline);
      }
    } finally {
      if (!keepData) {
        Project.delete(data);
      }
    }
  }

  private static void print(String mode, int threads, MintRun.Outcome o, NaiveMintLoop.Result baseline) {
    double ratio = o.nftsPerSecond() / baseline.perSecond();
    System.out.println();
    System.out.println("Single mints, " + LocalDate.now() + ":");
    System.out.println();
    System.out.print(new Table("mode", "mints (users x each)", "client threads", "first POST -> last CONFIRMED (s)", "confirmed NFTs/s",
        "POST p50 / p99 / max (ms)", "all POSTs answered (s)", "failed", "naive loop tx/s (p50 ms)", "ratio", "target", "other processes' CPU")
        .row(mode, o.confirmedNfts(), threads, o.seconds(), o.nftsPerSecond(),
            String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f", o.latency().p50Millis(), o.latency().p99Millis(), o.latency().maxMillis()),
            o.sendingSeconds(), o.failedNfts(),
            String.format(java.util.Locale.ROOT, "%.1f (%.2f)", baseline.perSecond(), baseline.latency().p50Millis()),
            String.format(java.util.Locale.ROOT, "%.2fx", ratio),
            String.format(java.util.Locale.ROOT, ">= %.1fx: %s", TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED"),
            o.foreignCpu()));
  }
}
