package io.nfttraders.bench;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long the disk takes to make a small write durable, as PostgreSQL does at every commit (a WAL
 * page written, then fdatasync): one flush after another for a while, in the directory the bench's
 * database lives in. A commit cannot be answered faster than its flush, so the tail of this
 * distribution is a floor under the tail of any durable request.
 */
final class DiskFlushes {

  /** How a write is made durable: PostgreSQL's {@code wal_sync_method} fdatasync (its default on Linux), open_datasync, and that with {@code debug_io_direct=wal}. */
  enum Sync {
    FDATASYNC, DSYNC, DIRECT;

    Set<OpenOption> options() {
      return switch (this) {
        case FDATASYNC -> Set.of(StandardOpenOption.WRITE);
        case DSYNC -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.DSYNC);
        case DIRECT -> Set.of(StandardOpenOption.WRITE, StandardOpenOption.DSYNC, ExtendedOpenOption.DIRECT);
      };
    }
  }

  private static final int PAGE = 8 * 1024;
  private static final int PAGES = 1024;

  /** @param over20Millis flushes that took longer than 20 ms */
  record Result(Sync sync, Histogram micros, long over20Millis, double seconds) {

    /** One line for a report: how many, how fast, how many stalls. */
    String summary() {
      return String.format(Locale.ROOT, "%,d durable 8 KiB writes (%s) in %.0f s: p50 / p99 / p99.9 / max %.2f / %.2f / %.2f / %.1f ms,"
          + " %d over 20 ms (%.1f a second)", micros.getTotalCount(), sync.name().toLowerCase(Locale.ROOT), seconds,
          micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0, micros.getValueAtPercentile(99.9) / 1000.0,
          micros.getMaxValue() / 1000.0, over20Millis, over20Millis / seconds);
    }
  }

  private DiskFlushes() {}

  /**
   * {@code bench/run DiskFlushes [--seconds=20] [--sync=fdatasync|dsync|direct]}: the probe alone, in
   * a scratch directory (under {@code java.io.tmpdir}, as every bench's data).
   */
  public static void main(String[] argv) throws IOException {
    Args args = new Args(argv);
    int seconds = args.number("seconds", 20);
    String method = args.text("sync", "fdatasync");
    Sync sync = Arrays.stream(Sync.values()).filter(s -> s.name().equalsIgnoreCase(method)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("--sync takes fdatasync, dsync or direct, got: " + method));
    args.rejectUnknown();
    Path data = Project.freshDataDirectory("disk-flushes");
    try {
      System.out.println(measure(data, seconds, sync).summary());
    } finally {
      Project.delete(data);
    }
  }

  static Result measure(Path directory, int seconds) throws IOException {
    return measure(directory, seconds, Sync.FDATASYNC);
  }

  static Result measure(Path directory, int seconds, Sync sync) throws IOException {
    Path file = Files.createTempFile(directory, "flushes", ".bin");
    // written out and flushed first, as PostgreSQL pre-allocates its WAL segments: the measured
    // writes then overwrite, and no flush also carries the file's growth
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      ByteBuffer zeros = ByteBuffer.allocateDirect(PAGE);
      for (int i = 0; i < PAGES; i++) {
        zeros.clear();
        channel.write(zeros, (long) i * PAGE);
      }
      channel.force(true);
    }
    Histogram micros = Latency.newHistogram();
    long over20 = 0;
    // direct I/O needs a buffer aligned to the file system's block
    int align = (int) Files.getFileStore(file).getBlockSize();
    ByteBuffer page = ByteBuffer.allocateDirect(PAGE + align).alignedSlice(align).limit(PAGE);
    long start;
    try (FileChannel channel = FileChannel.open(file, sync.options())) {
      start = System.nanoTime();
      long end = start + TimeUnit.SECONDS.toNanos(seconds);
      for (long i = 0; System.nanoTime() < end; i++) {
        page.clear().limit(PAGE);
        long before = System.nanoTime();
        channel.write(page, (i % PAGES) * PAGE);
        if (sync == Sync.FDATASYNC) {
          channel.force(false);
        }
        long took = (System.nanoTime() - before) / 1000;
        micros.recordValue(took);
        if (took > 20_000) {
          over20++;
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return new Result(sync, micros, over20, (System.nanoTime() - start) / 1e9);
  }
}
