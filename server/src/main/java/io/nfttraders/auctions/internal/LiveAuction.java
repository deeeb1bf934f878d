package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The sequencer of one auction: decides its bids one at a time in the order they take its lock,
 * numbers the accepted ones and hands them to the log in that order. Its state runs ahead of the
 * log by the events still being written; if one of those is lost, the state is rebuilt from the
 * log and everything decided on top of the lost event is refused ({@link #epoch}).
 */
final class LiveAuction implements AuctionLog.Owner {

  /** A decision and, if it produced an event, the future of that event's durability. */
  /** @param seqBefore the auction's sequence number when the bid was decided */
  record Outcome(BidRules.Decision decision, long seqBefore, @Nullable CompletableFuture<AuctionEvent> durable) {}

  private final Auction auction;
  private final AuctionLog log;
  private final BidderFunds funds;
  private final Supplier<AuctionState> durableState;
  private final Consumer<AuctionEvent> publishedEvents;
  private final ArrivalOrder arrivals;
  /** Guarded by this; null while it must be rebuilt from the log. */
  private @Nullable AuctionState state;
  /** The state after the last durable event; null until first read. */
  private final AtomicReference<@Nullable AuctionState> published = new AtomicReference<>();
  private volatile long epoch;

  /**
   * @param durableState reads the auction's state as the log has it (its last event)
   * @param publishedEvents receives each event once it is durable, in sequence order
   */
  LiveAuction(Auction auction, AuctionLog log, BidderFunds funds, Supplier<AuctionState> durableState, Consumer<AuctionEvent> publishedEvents,
      BidScheduling scheduling, Clock clock) {
    this.arrivals = new ArrivalOrder(this, scheduling, clock);
    this.auction = auction;
    this.log = log;
    this.funds = funds;
    this.durableState = durableState;
    this.publishedEvents = publishedEvents;
  }

  Auction auction() {
    return auction;
  }

  /** The state as decided so far (including events still being written): for deciding, never for showing. */
  synchronized AuctionState state() {
    return current();
  }

  /**
   * The state as the log has it: what readers are shown, so nobody sees a bid, an end or a phase
   * that could still be lost, and a reader who sees a change finds its event in the log.
   */
  AuctionState published() {
    AuctionState s = published.get();
    return s != null ? s : publish(durableState.get());
  }

  /** Hands the bid over to be decided in arrival order ({@link ArrivalOrder}); the future completes with the decision. */
  CompletableFuture<Outcome> submit(String bidder, UUID bidderUser, BigInteger amount, long arrivedNanos) {
    return arrivals.submit(bidder, bidderUser, amount, arrivedNanos);
  }

  /** Decides the bid; an accepted bid is queued for the log before the lock is released, so log order is decision order. */
  synchronized Outcome bid(String bidder, UUID bidderUser, BigInteger amount, Clock clock) {
    AuctionState before = current();
    // read under the lock, so bids are timed in the order they are decided; to the microsecond, as stored
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    BidRules.Bid[] decided = new BidRules.Bid[1];
    BidRules.Decision decision = funds.decide(auction.id(), bidder, available -> {
      decided[0] = new BidRules.Bid(bidder, bidderUser, amount, at, available);
      return BidRules.decide(auction.terms(), auction.seller(), before, decided[0]);
    });
    if (!(decision instanceof BidRules.Accepted accepted)) {
      return new Outcome(decision, before.seq(), null);
    }
    state = accepted.state();
    if (accepted.won()) {
      funds.release(auction.id());
    }
    return new Outcome(decision, before.seq(), log.append(AuctionEvent.bid(auction.id(), accepted, decided[0], bidderUser), epoch, this));
  }

  /**
   * Closes the auction if its end has passed: ENDED with its leader as the winner, or UNSOLD when
   * nobody bid. Returns the event's durability, or null if it is not due.
   */
  synchronized @Nullable CompletableFuture<AuctionEvent> closeIfDue(Instant now) {
    AuctionState before = current();
    if (!before.dueAt(now)) {
      return null;
    }
    boolean sold = before.leader() != null;
    AuctionState after = before.next(sold ? AuctionPhase.ENDED : AuctionPhase.UNSOLD);
    state = after;
    funds.release(auction.id());
    return log.append(AuctionEvent.of(auction.id(), sold ? AuctionEvent.Kind.ENDED : AuctionEvent.Kind.UNSOLD, now,
        sold ? null : "no bid met the reserve before the end", after), epoch, this);
  }

  /** Appends a later event (settled, unsold after all, held, released) made from the current state. */
  synchronized CompletableFuture<AuctionEvent> record(AuctionEvent.Kind kind, Instant now, @Nullable String detail,
      UnaryOperator<AuctionState> change) {
    AuctionState after = change.apply(current());
    state = after;
    funds.holdAsIn(auction.id(), after);
    return log.append(AuctionEvent.of(auction.id(), kind, now, detail, after), epoch, this);
  }

  /** {@link #record} if the current state satisfies {@code when}, decided under the auction's lock; empty otherwise. */
  synchronized Optional<CompletableFuture<AuctionEvent>> recordIf(Predicate<AuctionState> when, AuctionEvent.Kind kind, Instant now,
      @Nullable String detail, UnaryOperator<AuctionState> change) {
    return when.test(current()) ? Optional.of(record(kind, now, detail, change)) : Optional.empty();
  }

  private AuctionState current() {
    AuctionState s = state;
    if (s == null) {
      s = durableState.get();
      // what the log has is durable, even an event whose commit was reported as failed
      publish(s);
      state = s;
      funds.holdAsIn(auction.id(), s);
    }
    return s;
  }

  @Override
  public boolean current(long decidedIn) {
    return decidedIn == epoch;
  }

  @Override
  public void durable(AuctionEvent event) {
    publish(event.state());
    publishedEvents.accept(event);
  }

  /** Keeps the later of two durable states: a first read from the log may race an event becoming durable. */
  private AuctionState publish(AuctionState durable) {
    return published.accumulateAndGet(durable, (was, now) -> was == null || now.seq() > was.seq() ? now : was);
  }

  @Override
  public synchronized void lost(AuctionEvent event, long decidedIn) {
    if (decidedIn == epoch) {
      epoch++;
      state = null;
    }
  }
}
