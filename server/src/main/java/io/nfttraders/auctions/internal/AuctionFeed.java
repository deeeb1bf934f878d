package io.nfttraders.auctions.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Durable auction events as streams: the events after a sequence number from the log, then live
 * ones as they are stored, with no gap, duplicate or reordering. Live events are pushed best-effort
 * (a subscriber that falls behind misses some), and every subscriber fills any gap it sees from the
 * log, which has them all.
 */
@Component
class AuctionFeed {

  private static final int GAP_READ = 1_000;

  private final Map<UUID, Sinks.Many<AuctionEvent>> sinks = new ConcurrentHashMap<>();
  private final AuctionLog log;
  private final Scheduler delivery = Schedulers.newParallel("auction-feed", Math.max(2, Runtime.getRuntime().availableProcessors()), true);

  AuctionFeed(@Lazy AuctionLog log) {
    this.log = log;
  }

  /** Called by the log's writer once the event is durable, in sequence order per auction; the last event ends the streams. */
  void publish(AuctionEvent event) {
    boolean last = event.state().phase().finished();
    Sinks.Many<AuctionEvent> sink = last ? sinks.remove(event.auctionId()) : sinks.get(event.auctionId());
    if (sink != null) {
      sink.tryEmitNext(event);
      if (last) {
        sink.tryEmitComplete();
      }
    }
  }

  /** The auction's events after {@code afterSeq}, in order, then live ones until the auction's last event or the subscriber leaves. */
  Flux<AuctionEvent> events(UUID auction, long afterSeq) {
    return Flux.defer(() -> {
      AtomicLong last = new AtomicLong(afterSeq);
      Sinks.Many<AuctionEvent> sink = sinks.computeIfAbsent(auction, a -> Sinks.many().multicast().directBestEffort());
      // live first, so nothing stored between reading the history and subscribing is missed
      Flux<AuctionEvent> live = sink.asFlux().publishOn(delivery, 256);
      Flux<AuctionEvent> history = Flux.defer(() -> Flux.fromIterable(log.after(auction, afterSeq, GAP_READ))).subscribeOn(delivery);
      return Flux.merge(live, history).concatMap(event -> inOrder(auction, last, event)).takeUntil(e -> e.state().phase().finished());
    });
  }

  /** The event if it is the next one; first the missing ones from the log if there is a gap; nothing if already sent. */
  private Flux<AuctionEvent> inOrder(UUID auction, AtomicLong last, AuctionEvent event) {
    long seen = last.get();
    if (event.seq() <= seen) {
      return Flux.empty();
    }
    if (event.seq() == seen + 1) {
      last.set(event.seq());
      return Flux.just(event);
    }
    List<AuctionEvent> missing = log.after(auction, seen, (int) Math.min(GAP_READ, event.seq() - seen - 1));
    if (missing.isEmpty() || missing.getFirst().seq() != seen + 1) {
      return Flux.error(new IllegalStateException("auction " + auction + " has no event " + (seen + 1) + " in its log before " + event.seq()));
    }
    last.set(missing.getLast().seq());
    return Flux.fromIterable(missing).concatWith(Flux.defer(() -> inOrder(auction, last, event)));
  }
}
