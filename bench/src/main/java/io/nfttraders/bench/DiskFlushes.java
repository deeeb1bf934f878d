package io.nfttraders.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * How long the disk takes to make a small write durable, as PostgreSQL does at every commit (a WAL
 * page written, then fdatasync): one flush after another for a while, in the directory the bench's
 * database lives in. A commit cannot be answered faster than its flush, so the tail of this
 * distribution is a floor under the tail of any durable request.
 */
final class DiskFlushes {

  private static final int PAGE = 8 * 1024;
  private static final int PAGES = 1024;

  /** @param over20Millis flushes that took longer than 20 ms */
  record Result(Histogram micros, long over20Millis, double seconds) {}

  private DiskFlushes() {}

  static Result measure(Path directory, int seconds) throws IOException {
    Path file = Files.createTempFile(directory, "flushes", ".bin");
    Histogram micros = Latency.newHistogram();
    long over20 = 0;
    ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      for (long i = 0; System.nanoTime() < end; i++) {
        page.clear();
        channel.write(page, (i % PAGES) * PAGE);
        long before = System.nanoTime();
        channel.force(false);
        long took = (System.nanoTime() - before) / 1000;
        micros.recordValue(took);
        if (took > 20_000) {
          over20++;
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
    return new Result(micros, over20, (System.nanoTime() - start) / 1e9);
  }
}
