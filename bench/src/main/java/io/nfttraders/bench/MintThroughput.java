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
 *     [--baseline=500] [--warmup=1000] [--jfr=false] [--keep-data=false] [--server-options=--key=value,...]</pre>
 *
 * Order: start the server, run the naive loop once on the fresh chain, warm the server up (its own
 * users, not counted; 1,000 mints, after which the JIT has compiled the request path), run the
 * judged baseline, sign up the measured users and wait for their wallets' funding, then send every
 * mint and wait for every transaction to be CONFIRMED. The judged baseline runs right before the
 * measured load, on the same chain; the fresh-chain loop is reported beside it.
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
    int warmup = args.number("warmup", 1000);
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
        // Also on the fresh chain: anvil's per-block cost grows with its state, so the loop is faster
        // there; the judged baseline is the one just before the measured load, on the same chain.
        NaiveMintLoop.Result fresh = NaiveMintLoop.run(chain, baselineIterations);
        MintRun.warmUp(api, chain, warmup, threads);
        NaiveMintLoop.Result baseline = NaiveMintLoop.run(chain, baselineIterations);
        System.out.printf("baseline: %d naive mints in %.2f s (on the fresh chain: %.2f s)%n", baseline.mints(),
            baseline.elapsed().toNanos() / 1e9, fresh.elapsed().toNanos() / 1e9);

        List<Api.User> measured = MintRun.users(api, chain, users);
        List<MintLoad.Job> jobs = new ArrayList<>();
        for (int i = 0; i < perUser; i++) {
          for (int u = 0; u < users; u++) {
            jobs.add(new MintLoad.Job(measured.get(u), Uploads.single(1_000_000L + (long) i * users + u), 1));
          }
        }
        MintRun.Outcome outcome = MintRun.measure(api, jobs, threads);
        print(mode, threads, outcome, baseline, fresh);
      }
    } finally {
      if (!keepData) {
        Project.delete(data);
      }
    }
  }

  private static void print(String mode, int threads, MintRun.Outcome o, NaiveMintLoop.Result baseline, NaiveMintLoop.Result fresh) {
    double ratio = o.nftsPerSecond() / baseline.perSecond();
    System.out.println();
    System.out.println("Single mints, " + LocalDate.now() + ":");
    System.out.println();
    System.out.print(new Table("mode", "mints (users x each)", "client threads", "first POST -> last CONFIRMED (s)", "confirmed NFTs/s",
        "POST p50 / p99 / max (ms)", "all POSTs answered (s)", "failed", "naive loop tx/s (p50 ms)", "ratio", "target", "naive loop on the fresh chain tx/s", "ratio to it", "other processes' CPU")
        .row(mode, o.confirmedNfts(), threads, o.seconds(), o.nftsPerSecond(),
            String.format(java.util.Locale.ROOT, "%.1f / %.1f / %.1f", o.latency().p50Millis(), o.latency().p99Millis(), o.latency().maxMillis()),
            o.sendingSeconds(), o.failedNfts(),
            String.format(java.util.Locale.ROOT, "%.1f (%.2f)", baseline.perSecond(), baseline.latency().p50Millis()),
            String.format(java.util.Locale.ROOT, "%.2fx", ratio),
            String.format(java.util.Locale.ROOT, ">= %.1fx: %s", TARGET_RATIO, ratio >= TARGET_RATIO ? "met" : "MISSED"),
            String.format(java.util.Locale.ROOT, "%.1f", fresh.perSecond()),
            String.format(java.util.Locale.ROOT, "%.2fx", o.nftsPerSecond() / fresh.perSecond()),
            o.foreignCpu()));
  }
}
