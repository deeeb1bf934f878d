package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Decides one auction's bids in the order they reached the server. Request threads hand bids over
 * in whatever order the scheduler lets them get here (a bid that arrived later is often first);
 * each bid waits until the arrival window has passed since its arrival stamp, and then all bids
 * due are decided in stamp order. A bid held up for longer than the window on its way here is
 * decided when it comes, after bids that arrived later: the window bounds how far decision order
 * may stray from arrival order. A zero window decides at once, in the order of coming.
 */
final class ArrivalOrder {

  record Pending(String bidder, UUID user, BigInteger amount, long arrived, long order, CompletableFuture<LiveAuction.Outcome> decided) {}

  private static final Comparator<Pending> BY_ARRIVAL = Comparator.comparingLong(Pending::arrived).thenComparingLong(Pending::order);

  private final LiveAuction auction;
  private final BidScheduling scheduling;
  private final Clock clock;
  /** Guarded by this. */
  private final PriorityQueue<Pending> waiting = new PriorityQueue<>(BY_ARRIVAL);
  private boolean decisionScheduled;
  private long handedOver;

  ArrivalOrder(LiveAuction auction, BidScheduling scheduling, Clock clock) {
    this.auction = auction;
    this.scheduling = scheduling;
    this.clock = clock;
  }

  CompletableFuture<LiveAuction.Outcome> submit(String bidder, UUID user, BigInteger amount, long arrived) {
    if (scheduling.windowNanos() == 0) {
      return CompletableFuture.completedFuture(auction.bid(bidder, user, amount, clock));
    }
    CompletableFuture<LiveAuction.Outcome> decided = new CompletableFuture<>();
    synchronized (this) {
      waiting.add(new Pending(bidder, user, amount, arrived, handedOver++, decided));
      if (!decisionScheduled) {
        decisionScheduled = true;
        scheduleFor(arrived);
      }
    }
    return decided;
  }

  private void scheduleFor(long arrived) {
    long delay = arrived + scheduling.windowNanos() - System.nanoTime();
    scheduling.scheduler().schedule(this::decideDue, Math.max(0, delay), TimeUnit.NANOSECONDS);
  }

  /** Decides every bid whose window has passed, earliest arrival first; answers go out after the lock is released. */
  private void decideDue() {
    List<Pending> due = new ArrayList<>();
    List<Object> outcomes = new ArrayList<>();
    synchronized (this) {
      long horizon = System.nanoTime() - scheduling.windowNanos();
      while (!waiting.isEmpty() && waiting.peek().arrived() <= horizon) {
        Pending p = waiting.poll();
        due.add(p);
        try {
          outcomes.add(auction.bid(p.bidder(), p.user(), p.amount(), clock));
        } catch (RuntimeException e) {
          outcomes.add(e);
        }
      }
      if (waiting.isEmpty()) {
        decisionScheduled = false;
      } else {
        scheduleFor(waiting.peek().arrived());
      }
    }
    for (int i = 0; i < due.size(); i++) {
      if (outcomes.get(i) instanceof LiveAuction.Outcome outcome) {
        due.get(i).decided().complete(outcome);
      } else {
        due.get(i).decided().completeExceptionally((Throwable) outcomes.get(i));
      }
    }
  }
}
