package io.nfttraders.bench;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Waits until every accepted mint's transaction is CONFIRMED (or FAILED), reading
 * {@code GET /api/v1/transactions/{id}}. The time of confirmation is the one the server recorded
 * in the transaction's history (same machine, same clock), so how often we look does not change
 * the measurement; we look in acceptance order and stop a round at the first one still under way,
 * which keeps the polling load to about one request per transaction.
 */
final class Confirmations {

  /** When the last transaction was confirmed, and how many NFTs were confirmed or failed. */
  record Settled(Instant lastConfirmedAt, int confirmedNfts, int failedNfts, List<String> failures) {}

  private static final Duration POLL = Duration.ofMillis(100);

  private Confirmations() {}

  static Settled await(Api api, List<MintLoad.Accepted> accepted, Duration timeout) {
    Deque<MintLoad.Accepted> pending = new ArrayDeque<>(accepted);
    Instant last = Instant.EPOCH;
    int confirmed = 0;
    int failed = 0;
    List<String> failures = new java.util.ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!pending.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(pending.size() + " transactions not settled within " + timeout + ", e.g. " + pending.peek().transactionId());
      }
      MintLoad.Accepted head = pending.peek();
      JsonNode tx = api.transaction(head.user(), head.transactionId());
      switch (tx.get("status").asString()) {
        case "CONFIRMED" -> {
          last = later(last, confirmedAt(tx));
          confirmed += head.nfts();
          pending.poll();
        }
        case "FAILED" -> {
          failed += head.nfts();
          failures.add(head.transactionId() + ": " + (tx.hasNonNull("error") ? tx.get("error").asString() : "failed"));
          pending.poll();
        }
        default -> Pause.millis(POLL.toMillis());
      }
    }
    return new Settled(last, confirmed, failed, List.copyOf(failures));
  }

  private static Instant confirmedAt(JsonNode tx) {
    for (JsonNode change : tx.get("history")) {
      if (change.get("status").asString().equals("CONFIRMED")) {
        return instant(change.get("at"));
      }
    }
    throw new IllegalStateException("transaction " + tx.get("id") + " is CONFIRMED without a CONFIRMED history entry");
  }

  /** ISO-8601 text, or epoch seconds with a fraction, whichever the server's Jackson writes. */
  private static Instant instant(JsonNode at) {
    if (at.isNumber()) {
      BigDecimal seconds = at.decimalValue();
      return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
    }
    return Instant.parse(at.asString());
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
