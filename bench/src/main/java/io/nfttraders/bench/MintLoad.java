package io.nfttraders.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: {@code threads} workers take the prepared requests in order and
 * send each as soon as their previous one was answered. Bodies are built before the clock starts.
 */
final class MintLoad {

  /** One request to send: a single mint or a drop of {@code nfts} tokens. */
  record Job(Api.User user, Multipart body, int nfts) {
    boolean isDrop() {
      return nfts > 1;
    }
  }

  /** A request the server accepted (202) with the transaction to follow. */
  record Accepted(Api.User user, String transactionId, int nfts) {}

  /** When the first request went out, what was accepted, and the latency of the POSTs. */
  record Result(Instant firstRequestAt, Duration sending, List<Accepted> accepted, Latency latency) {
    int nfts() {
      return accepted.stream().mapToInt(Accepted::nfts).sum();
    }
  }

  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private MintLoad() {}

  static Result run(Api api, List<Job> jobs, int threads) {
    Histogram histogram = new ConcurrentHistogram(Latency.newHistogram());
    List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger next = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> workers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("load-", 0).daemon().factory())) {
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          go.await();
          for (int i = next.getAndIncrement(); i < jobs.size(); i = next.getAndIncrement()) {
            Job job = jobs.get(i);
            long sent = System.nanoTime();
            String tx = job.isDrop() ? api.mintBatch(job.user(), job.body()) : api.mint(job.user(), job.body());
            histogram.recordValue((System.nanoTime() - sent) / 1_000);
            accepted.add(new Accepted(job.user(), tx, job.nfts()));
          }
          return null;
        }));
      }
      Instant firstRequestAt = Instant.now();
      long start = System.nanoTime();
      go.countDown();
      for (Future<?> worker : workers) {
        worker.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
      return new Result(firstRequestAt, Duration.ofNanos(System.nanoTime() - start), List.copyOf(accepted), Latency.of(histogram));
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("a request failed: " + e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("sending did not finish within " + TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
