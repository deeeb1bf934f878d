package io.nfttraders.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The machine has 2 cores and is shared with whoever else works in the repository (builds,
 * test runs). A benchmark waits for the machine to be quiet before it starts, and measures how
 * much CPU processes outside its own process tree used while it ran, so a disturbed run shows in
 * its result instead of passing for a slow server. Linux only (/proc).
 */
final class Machine {

  /** CPU ticks per second of /proc's counters (USER_HZ, 100 on every Linux we run on). */
  private static final double TICKS = 100.0;
  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /** CPU ticks of every process outside this benchmark's tree, at one moment, and their names. */
  record Snapshot(long nanos, Map<Long, Long> foreignTicks, Map<Long, String> names) {}

  /**
   * The share of the machine (all cores) other processes used, and the biggest of them. Kernel
   * threads count too: writeback of anvil's state file shows up as {@code kworker}.
   */
  record Foreign(double share, String top) {
    @Override
    public String toString() {
      return String.format(java.util.Locale.ROOT, "%.0f%%%s", share * 100, top.isEmpty() ? "" : " (" + top + ")");
    }
  }

  private Machine() {}

  /** Waits (at most {@code timeout}) until the whole machine was less than 15% busy over two seconds. */
  static void awaitQuiet(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    double busy = busyFraction(Duration.ofSeconds(2));
    while (busy > 0.15 && System.nanoTime() < deadline) {
      System.out.printf("machine %.0f%% busy (other processes); waiting for it to be quiet%n", busy * 100);
      busy = busyFraction(Duration.ofSeconds(5));
    }
    System.out.printf("machine %.0f%% busy before the run%n", busy * 100);
  }

  static Snapshot snapshot() {
    Set<Long> ours = ours();
    Map<Long, Long> ticks = new HashMap<>();
    Map<Long, String> names = new HashMap<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        long pid = Long.parseLong(p.getFileName().toString());
        if (!ours.contains(pid)) {
          readStat(p).ifPresent(stat -> {
            ticks.put(pid, stat.ticks());
            names.put(pid, stat.name());
          });
        }
      });
    } catch (IOException e) {
      return new Snapshot(System.nanoTime(), Map.of(), Map.of());
    }
    return new Snapshot(System.nanoTime(), ticks, names);
  }

  /**
   * This JVM, its children (the server, anvil), and the servers' PostgreSQL: pg_ctl detaches the
   * postmaster from its parent, so it is found by its data directory under our scratch directories.
   */
  private static Set<Long> ours() {
    Stream<ProcessHandle> postmasters = ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(Project.SCRATCH_PREFIX)).orElse(false));
    return Stream.concat(Stream.of(ProcessHandle.current()), postmasters)
        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }

  /** Starts measuring the CPU time of this benchmark's own processes: {@link CpuMeter#stop} tells what each used since. */
  static CpuMeter cpuMeter() {
    return new CpuMeter(System.nanoTime(), ownCpu());
  }

  record CpuMeter(long startNanos, Map<String, Duration> start) {
    CpuUse stop() {
      Map<String, Duration> used = new TreeMap<>();
      ownCpu().forEach((name, total) -> used.put(name, total.minus(start.getOrDefault(name, Duration.ZERO))));
      return new CpuUse((System.nanoTime() - startNanos) / 1e9, used);
    }
  }

  /**
   * What our processes used over {@code seconds} of wall time, by name: {@code bench} is this JVM,
   * {@code java} the server, {@code postgres} PostgreSQL's processes. Whether a run was bound by the
   * machine's cores, and by whom.
   */
  record CpuUse(double seconds, Map<String, Duration> byProcess) {
    double total() {
      return byProcess.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0;
    }

    /** The least wall time this CPU work could take with every core busy. */
    double floorSeconds() {
      return total() / CORES;
    }

    @Override
    public String toString() {
      return byProcess.entrySet().stream().filter(e -> e.getValue().toMillis() >= 50)
          .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue().toMillis() / 1000.0)).collect(Collectors.joining(", "))
          + String.format(Locale.ROOT, "; %.1f s of CPU in %.1f s: %.0f%% of %d cores", total(), seconds, 100 * total() / (seconds * CORES), CORES);
    }
  }

  private static Map<String, Duration> ownCpu() {
    long self = ProcessHandle.current().pid();
    Map<String, Long> ticks = new TreeMap<>();
    for (long pid : ours()) {
      readStat(Path.of("/proc", Long.toString(pid))).ifPresent(stat -> ticks.merge(pid == self ? "bench" : stat.name(), stat.ticks(), Long::sum));
    }
    Map<String, Duration> cpu = new TreeMap<>();
    ticks.forEach((name, used) -> cpu.put(name, Duration.ofMillis(Math.round(used * 1000 / TICKS))));
    return cpu;
  }

  /** What other processes used between two snapshots. */
  static Foreign foreign(Snapshot before, Snapshot after) {
    double capacity = (after.nanos() - before.nanos()) / 1e9 * CORES;
    Map<String, Long> byName = new HashMap<>();
    long ticks = 0;
    for (Map.Entry<Long, Long> e : after.foreignTicks().entrySet()) {
      long used = e.getValue() - before.foreignTicks().getOrDefault(e.getKey(), 0L);
      ticks += used;
      byName.merge(after.names().get(e.getKey()).replaceAll("[/:].*", ""), used, Long::sum);
    }
    String top = byName.entrySet().stream()
        .filter(e -> e.getValue() / TICKS / capacity >= 0.01)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(3)
        .map(e -> String.format(java.util.Locale.ROOT, "%s %.0f%%", e.getKey(), e.getValue() / TICKS / capacity * 100))
        .collect(Collectors.joining(", "));
    return new Foreign(ticks / TICKS / capacity, top);
  }

  /**
   * The CPU time one process (all its threads) has used so far: what a request costs the server,
   * measured across a load, moves much less with the machine's speed than requests a second do.
   */
  static Duration cpuTime(long pid) {
    return readStat(Path.of("/proc", Long.toString(pid))).map(stat -> Duration.ofMillis(Math.round(stat.ticks() * 1000 / TICKS)))
        .orElseThrow(() -> new IllegalStateException("no process " + pid));
  }

  private record Stat(String name, long ticks) {}

  private static java.util.Optional<Stat> readStat(Path proc) {
    try {
      String stat = Files.readString(proc.resolve("stat"));
      String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // after the command: state(0) ... utime(11) stime(12)
      return java.util.Optional.of(new Stat(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12])));
    } catch (IOException | RuntimeException gone) {
      return java.util.Optional.empty(); // the process ended meanwhile
    }
  }

  private static double busyFraction(Duration over) {
    long[] a = cpuTotals();
    Pause.millis(over.toMillis());
    long[] b = cpuTotals();
    long total = b[0] - a[0];
    return total == 0 ? 0 : 1.0 - (double) (b[1] - a[1]) / total;
  }

  /** {total, idle + iowait} jiffies of the machine. */
  private static long[] cpuTotals() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    } catch (IOException e) {
      return new long[] {0, 0};
    }
  }
}
