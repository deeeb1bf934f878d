package io.nfttraders.auctions.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Users' notifications as streams: the stored ones after an id, then new ones as their
 * transaction commits. Ids rise in commit order (one writer makes them all), so a subscriber
 * skips any it has already had.
 */
@Component
class NotificationFeed {

  record Notification(long id, UUID user, String kind, UUID auctionId, long seq, String data, Instant createdAt) {}

  private final Map<UUID, Sinks.Many<Notification>> sinks = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;

  NotificationFeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Called after the notifications' transaction committed, in id order. */
  void publish(List<Notification> committed) {
    for (Notification n : committed) {
      Sinks.Many<Notification> sink = sinks.get(n.user());
      if (sink != null) {
        sink.tryEmitNext(n);
      }
    }
  }

  Flux<Notification> of(UUID user, long afterId) {
    return Flux.defer(() -> {
      AtomicLong last = new AtomicLong(afterId);
      Sinks.Many<Notification> sink = sinks.computeIfAbsent(user, u -> Sinks.many().multicast().directBestEffort());
      // listen before reading what is stored, buffering what comes meanwhile, so nothing falls between the two
      Sinks.Many<Notification> mine = Sinks.many().unicast().onBackpressureBuffer();
      Disposable listening = sink.asFlux().subscribe(mine::tryEmitNext);
      Flux<Notification> stored = Flux.defer(() -> Flux.fromIterable(jdbc.sql("""
              select id, user_id, kind, auction_id, seq, body::text, created_at from notifications where user_id = :user and id > :after order by id limit 500
              """)
          .param("user", user).param("after", afterId)
          .query((rs, n) -> new Notification(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class), rs.getLong(5),
              rs.getString(6), rs.getTimestamp(7).toInstant()))
          .list()));
      return Flux.concat(stored, mine.asFlux()).filter(n -> {
        if (n.id() <= last.get()) {
          return false;
        }
        last.set(n.id());
        return true;
      }).doFinally(signal -> listening.dispose());
    });
  }
}
