package io.nfttraders.bench;

import org.HdrHistogram.Histogram;

/** Percentiles of a latency histogram recorded in microseconds, reported in milliseconds. */
record Latency(long count, double p50Millis, double p99Millis, double maxMillis) {

  /** Up to 10 minutes at 3 significant digits: anything slower is a failed benchmark anyway. */
  static Histogram newHistogram() {
    return new Histogram(600_000_000L, 3);
  }

  static Latency of(Histogram microseconds) {
    return new Latency(microseconds.getTotalCount(), microseconds.getValueAtPercentile(50) / 1000.0,
        microseconds.getValueAtPercentile(99) / 1000.0, microseconds.getMaxValue() / 1000.0);
  }
}
