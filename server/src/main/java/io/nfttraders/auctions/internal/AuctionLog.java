package io.nfttraders.auctions.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The auctions' durable event log in PostgreSQL, written in group commits: one writer thread takes
 * every event queued since its last commit and stores them with one statement and one commit, so a
 * hot auction costs a commit per batch, not per bid. An event's future completes only after its
 * commit; a batch that fails fails every event in it, and its auctions' owners are told before the
 * next batch is written (they rebuild from what is durable, and the events they decided on top of
 * the lost ones are refused as stale).
 */
@Component
class AuctionLog implements SmartLifecycle {

  /** Whoever decided an event: the sequencer of its auction. Called on the writer thread, in log order. */
  interface Owner {
    /** Whether events decided in this epoch may still be written (no earlier event of the auction was lost since). */
    boolean current(long epoch);

    /** The event is durable; {@code events} come in sequence order per auction. */
    void durable(AuctionEvent event);

    /** The event, decided in {@code epoch}, was not stored; the owner must forget it and what came after. */
    void lost(AuctionEvent event, long epoch);
  }

  /** State derived from the log in the writer's transaction, so it commits exactly with the events (notifications). */
  interface Projection {
    /** The batch's events, in log order, inside the transaction that stores them. */
    void stored(List<AuctionEvent> events);
  }

  /** Refusal of an event its auction's owner had already given up on, or that the database did not take. */
  static final class NotRecorded extends RuntimeException {
    NotRecorded(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  private record Pending(AuctionEvent event, long epoch, Owner owner, CompletableFuture<AuctionEvent> done) {}

  private static final Logger log = LoggerFactory.getLogger(AuctionLog.class);
  private static final int MAX_BATCH = 4_096;
  private static final String COLUMNS = "auction_id, seq, kind, at, bidder, bidder_user_id, amount_wei, outbid, outbid_user_id, outbid_amount_wei,"
      + " extended, detail, phase, ends_at, leader, leader_user_id, leading_bid_wei, bids, paused";

  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final List<Projection> projections;
  private final Timer writes;
  private final Timer failedWrites;
  private volatile boolean running;
  private @Nullable Thread writer;

  AuctionLog(JdbcTemplate jdbcTemplate, JdbcClient jdbc, TransactionTemplate transactions, List<Projection> projections, MeterRegistry registry) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.projections = List.copyOf(projections);
    // every accepted bid waits for the write of its batch (its insert and the commit's WAL flush):
    // the buckets show how often a batch took long enough to be seen in the bids' latency
    this.writes = writesTimer(registry, "committed");
    this.failedWrites = writesTimer(registry, "failed");
  }

  private static Timer writesTimer(MeterRegistry registry, String outcome) {
    return Timer.builder("nft.auctions.log.writes")
        .description("Batches of auction events written, from taking a connection to the commit's return, by how long it took")
        .tag("outcome", outcome)
        .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(100))
        .register(registry);
  }

  /** Queues the event; the future completes once it is durable, or fails if it never will be. */
  CompletableFuture<AuctionEvent> append(AuctionEvent event, long epoch, Owner owner) {
    CompletableFuture<AuctionEvent> done = new CompletableFuture<>();
    if (!running) {
      done.completeExceptionally(new NotRecorded("the auction log is not running", null));
      return done;
    }
    queue.add(new Pending(event, epoch, owner, done));
    return done;
  }

  /** The auction's events after {@code seq}, in order, at most {@code limit}. */
  List<AuctionEvent> after(UUID auction, long seq, int limit) {
    return jdbc.sql("select " + COLUMNS + " from auction_events where auction_id = :auction and seq > :seq order by seq limit :limit")
        .param("auction", auction).param("seq", seq).param("limit", limit)
        .query((rs, n) -> event(rs))
        .list();
  }

  /** The auction's last event: its current state as far as the log goes. */
  Optional<AuctionEvent> last(UUID auction) {
    return jdbc.sql("select " + COLUMNS + " from auction_events where auction_id = :auction order by seq desc limit 1")
        .param("auction", auction)
        .query((rs, n) -> event(rs))
        .optional();
  }

  private void write() {
    List<Pending> batch = new ArrayList<>();
    while (running || !queue.isEmpty()) {
      try {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch, MAX_BATCH - 1);
        writeBatch(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        batch.clear();
      }
    }
  }

  private void writeBatch(List<Pending> batch) {
    List<Pending> writable = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      if (p.owner().current(p.epoch())) {
        writable.add(p);
      } else {
        p.done().completeExceptionally(new NotRecorded("an earlier event of auction " + p.event().auctionId() + " was not recorded", null));
      }
    }
    if (writable.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    try {
      transactions.executeWithoutResult(status -> insert(writable));
    } catch (RuntimeException e) {
      failedWrites.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      log.warn("auction events not recorded count={} firstAuctionId={}", writable.size(), writable.getFirst().event().auctionId(), e);
      for (Pending p : writable) {
        p.owner().lost(p.event(), p.epoch());
      }
      for (Pending p : writable) {
        p.done().completeExceptionally(new NotRecorded("the auction log did not take the event", e));
      }
      return;
    }
    writes.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    for (Pending p : writable) {
      p.owner().durable(p.event());
    }
    for (Pending p : writable) {
      p.done().complete(p.event());
    }
  }

  /** One statement for the whole batch: a column per array, turned back into rows by unnest. */
  private void insert(List<Pending> batch) {
    List<AuctionEvent> events = batch.stream().map(Pending::event).toList();
    jdbcTemplate.update("insert into auction_events (" + COLUMNS + ") select * from unnest(?::uuid[], ?::bigint[], ?::text[], ?::timestamptz[],"
        + " ?::text[], ?::uuid[], ?::numeric[], ?::text[], ?::uuid[], ?::numeric[], ?::boolean[], ?::text[], ?::text[], ?::timestamptz[],"
        + " ?::text[], ?::uuid[], ?::numeric[], ?::bigint[], ?::boolean[])", ps -> {
          Connection c = ps.getConnection();
          int i = 1;
          ps.setArray(i++, c.createArrayOf("uuid", column(events, AuctionEvent::auctionId)));
          ps.setArray(i++, c.createArrayOf("bigint", column(events, AuctionEvent::seq)));
          ps.setArray(i++, c.createArrayOf("text", column(events, e -> e.kind().name())));
          ps.setArray(i++, c.createArrayOf("timestamptz", column(events, e -> Timestamp.from(e.at()))));
          ps.setArray(i++, c.createArrayOf("text", column(events, AuctionEvent::bidder)));
          ps.setArray(i++, c.createArrayOf("uuid", column(events, AuctionEvent::bidderUser)));
          ps.setArray(i++, c.createArrayOf("numeric", column(events, e -> decimal(e.amount()))));
          ps.setArray(i++, c.createArrayOf("text", column(events, AuctionEvent::outbid)));
          ps.setArray(i++, c.createArrayOf("uuid", column(events, AuctionEvent::outbidUser)));
          ps.setArray(i++, c.createArrayOf("numeric", column(events, e -> decimal(e.outbidAmount()))));
          ps.setArray(i++, c.createArrayOf("boolean", column(events, AuctionEvent::extended)));
          ps.setArray(i++, c.createArrayOf("text", column(events, AuctionEvent::detail)));
          ps.setArray(i++, c.createArrayOf("text", column(events, e -> e.state().phase().name())));
          ps.setArray(i++, c.createArrayOf("timestamptz", column(events, e -> e.state().endsAt() == null ? null : Timestamp.from(e.state().endsAt()))));
          ps.setArray(i++, c.createArrayOf("text", column(events, e -> e.state().leader())));
          ps.setArray(i++, c.createArrayOf("uuid", column(events, e -> e.state().leaderUser())));
          ps.setArray(i++, c.createArrayOf("numeric", column(events, e -> decimal(e.state().leadingBid()))));
          ps.setArray(i++, c.createArrayOf("bigint", column(events, e -> e.state().bids())));
          ps.setArray(i, c.createArrayOf("boolean", column(events, e -> e.state().paused())));
        });
    // the auction's own row changes only when its phase does: at its end, never per bid
    List<AuctionEvent> phaseChanges = events.stream().filter(e -> e.state().phase() != AuctionPhase.OPEN).toList();
    for (AuctionEvent e : phaseChanges) {
      jdbc.sql("update auctions set phase = :phase where id = :id").param("phase", e.state().phase().name()).param("id", e.auctionId()).update();
    }
    projections.forEach(p -> p.stored(events));
  }

  private static Object[] column(List<AuctionEvent> events, Function<AuctionEvent, @Nullable Object> value) {
    Object[] values = new Object[events.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value.apply(events.get(i));
    }
    return values;
  }

  private static @Nullable BigDecimal decimal(@Nullable BigInteger wei) {
    return wei == null ? null : new BigDecimal(wei);
  }

  static AuctionEvent event(ResultSet rs) throws SQLException {
    AuctionState state = new AuctionState(rs.getLong("seq"), AuctionPhase.valueOf(rs.getString("phase")), instant(rs.getTimestamp("ends_at")),
        rs.getString("leader"), rs.getObject("leader_user_id", UUID.class), wei(rs.getBigDecimal("leading_bid_wei")), rs.getLong("bids"),
        rs.getBoolean("paused"));
    return new AuctionEvent(rs.getObject("auction_id", UUID.class), rs.getLong("seq"), AuctionEvent.Kind.valueOf(rs.getString("kind")),
        rs.getTimestamp("at").toInstant(), rs.getString("bidder"), rs.getObject("bidder_user_id", UUID.class), wei(rs.getBigDecimal("amount_wei")),
        rs.getString("outbid"), rs.getObject("outbid_user_id", UUID.class), wei(rs.getBigDecimal("outbid_amount_wei")), rs.getBoolean("extended"),
        rs.getString("detail"), state);
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static @Nullable BigInteger wei(@Nullable BigDecimal value) {
    return value == null ? null : value.toBigIntegerExact();
  }

  @Override
  public void start() {
    running = true;
    writer = Thread.ofPlatform().name("auction-log-writer").start(this::write);
  }

  /** Writes what was queued before stopping: an accepted request is never dropped on a clean shutdown. */
  @Override
  public void stop() {
    running = false;
    Thread thread = writer;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Stops after the web server has finished its requests (its graceful shutdown and stop run at
   * DEFAULT_PHASE - 1024 and - 2048), so every bid it decided is written before the database goes.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
