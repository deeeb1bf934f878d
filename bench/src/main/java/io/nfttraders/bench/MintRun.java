package io.nfttraders.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** What the mint benchmarks share: server options, users, a warm-up, and one measured load to CONFIRMED. */
final class MintRun {

  /** The measured result of one load: confirmed NFTs per second from the first POST to the last CONFIRMED. */
  record Outcome(int confirmedNfts, int failedNfts, double seconds, double sendingSeconds, Latency latency, Machine.Foreign foreignCpu) {
    double nftsPerSecond() {
      return confirmedNfts / seconds;
    }
  }

  private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(5);

  private MintRun() {}

  /** Before anything is started: where the numbers come from, and a quiet machine. */
  static void prepare(String benchmark, Args args) {
    System.out.printf("%s %s; %s%n", benchmark, args.effective(), Project.provenance());
    Machine.awaitQuiet(Duration.ofMinutes(10));
  }

  /** With {@code jfr}, the server records a JFR profile (settings=profile, deep stacks) into bench/target/NAME.jfr. */
  static List<String> jvmOptions(boolean jfr, String name) {
    return jfr ? List.of("-XX:FlightRecorderOptions:stackdepth=256", "-XX:StartFlightRecording=filename="
        + Project.directory().resolve("bench/target/" + name + ".jfr") + ",settings=profile") : List.of();
  }

  /**
   * The mint mode, and the signer's per-wallet rate limit raised out of the way: it is a runaway
   * guard, and in sponsored mode the one platform wallet signs every mint (at the old default of
   * 600 a minute, every sponsored mint after the 600th in a minute failed).
   */
  static List<String> serverOptions(String mode, List<String> extra) {
    List<String> options = new ArrayList<>(List.of("--nft.minting.mode=" + mode, "--nft.custody.max-signatures-per-wallet-per-minute=1000000"));
    options.addAll(extra);
    return options;
  }

  /** New users, signed up one after the other (Argon2 is meant to be slow), with their wallets funded. */
  static List<Api.User> users(Api api, DevChain chain, int count) {
    List<Api.User> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      users.add(api.signUp());
    }
    chain.awaitFunded(users.stream().map(Api.User::walletAddress).toList(), Duration.ofMinutes(1));
    return users;
  }

  /** Single mints by users of their own, to CONFIRMED, so the JIT has compiled the paths before the clock runs. */
  static void warmUp(Api api, DevChain chain, int mints, int threads) {
    if (mints == 0) {
      return;
    }
    List<Api.User> users = users(api, chain, 4);
    List<MintLoad.Job> jobs = new ArrayList<>();
    for (int i = 0; i < mints; i++) {
      jobs.add(new MintLoad.Job(users.get(i % users.size()), Uploads.single(i), 1));
    }
    Outcome warm = measure(api, jobs, threads);
    System.out.printf("warm-up: %d mints confirmed at %.0f NFTs/s%n", warm.confirmedNfts(), warm.nftsPerSecond());
  }

  static Outcome measure(Api api, List<MintLoad.Job> jobs, int threads) {
    Machine.Snapshot before = Machine.snapshot();
    System.out.printf("%s measuring %d requests (%d NFTs)%n", java.time.Instant.now(), jobs.size(), jobs.stream().mapToInt(MintLoad.Job::nfts).sum());
    MintLoad.Result load = MintLoad.run(api, jobs, threads);
    Confirmations.Settled settled = Confirmations.await(api, load.accepted(), SETTLE_TIMEOUT);
    Machine.Foreign foreign = Machine.foreign(before, Machine.snapshot());
    settled.failures().stream().limit(5).forEach(f -> System.out.println("FAILED " + f));
    double seconds = Duration.between(load.firstRequestAt(), settled.lastConfirmedAt()).toNanos() / 1e9;
    return new Outcome(settled.confirmedNfts(), settled.failedNfts(), seconds, load.sending().toNanos() / 1e9, load.latency(), foreign);
  }
}
