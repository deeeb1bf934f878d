package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.platform.WorkerLoop;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live listings of recently read collections, held in memory so that the listings page, the
 * busiest read of a marketplace, is a binary search rather than a database query.
 *
 * <p>PostgreSQL says what changed: a trigger on {@code orders} (V9) notifies the channel
 * {@code listings_changed} with the collection of every listing written, delivered after the
 * writing transaction commits, to every server instance sharing the database. A notification
 * drops the collection's copy; the next read loads it again. A load is registered before it reads,
 * so a change committed while it runs drops it too. While the listening connection is down nothing
 * is served from memory (the caller falls back to SQL) and everything held is dropped, since
 * notifications may have been missed. Reads therefore trail a commit by the notification's
 * delivery, about a millisecond. The listening connection is checked every 10 s, and a dead
 * listener thread also sends every read to SQL.
 *
 * <p>At most {@code nft.market.listings-in-memory} listings are held; the collections read least
 * recently make room. A collection larger than that alone is always read through SQL.
 */
@Component
class LiveListings implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveListings.class);
  private static final String CHANNEL = "listings_changed";
  private static final Duration CHECK_EVERY = Duration.ofSeconds(10);
  /** How the listening session shows in pg_stat_activity. */
  static final String APPLICATION_NAME = "nft-listings-listener";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final DataSource dataSource;
  private final JdbcClient jdbc;
  private final String weth;
  private final int capacity;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
  private final AtomicLong held = new AtomicLong();
  private final WorkerLoop listener;
  private volatile boolean listening;
  private @Nullable Connection connection;
  private long lastChecked;

  /** A collection's copy: loading (future not done) or loaded; {@code lastRead} orders evictions. */
  private static final class Slot {
    final CompletableFuture<Optional<CollectionListings>> listings = new CompletableFuture<>();
    volatile long lastRead = System.nanoTime();
    int size;
  }

  LiveListings(DataSource dataSource, JdbcClient jdbc, DeployedContracts contracts, MarketProperties properties) {
    this.dataSource = dataSource;
    this.jdbc = jdbc;
    this.weth = contracts.weth().address().hex();
    this.capacity = properties.listingsInMemory();
    this.listener = new WorkerLoop("market-listings-listener", this::listen, Duration.ofMillis(100));
  }

  /** The collection's listings from memory, or empty if they must be read through SQL. */
  Optional<CollectionListings> of(String collection) {
    if (!listening || capacity == 0 || !listener.isAlive()) {
      return Optional.empty();
    }
    Slot slot = slots.get(collection);
    if (slot == null) {
      Slot mine = new Slot();
      slot = slots.putIfAbsent(collection, mine);
      if (slot == null) {
        slot = mine;
        load(collection, mine);
      }
    }
    slot.lastRead = System.nanoTime();
    return slot.listings.join();
  }

  private void load(String collection, Slot slot) {
    try {
      List<CollectionListings.Entry> entries = read(collection);
      if (entries.size() > capacity) {
        slot.listings.complete(Optional.empty());
        return;
      }
      slot.listings.complete(Optional.of(new CollectionListings(entries)));
      account(collection, slot, entries.size());
      makeRoom();
    } catch (RuntimeException e) {
      slots.remove(collection, slot);
      slot.listings.completeExceptionally(e);
      throw e;
    }
  }

  private List<CollectionListings.Entry> read(String collection) {
    Map<String, String> checksums = new HashMap<>();
    String checksummedCollection = Address.of(collection).checksummed();
    return jdbc.sql("select " + ListingQueries.COLUMNS + ", start_time, traits from orders where " + ListingQueries.OPEN_LISTING
            + " and collection = :collection limit :limit")
        .param("collection", collection)
        .param("limit", capacity + 1)
        .query((rs, n) -> {
          GraphQlNodes.ListingNode node = ListingQueries.listing(rs, weth, checksummedCollection,
              checksums.computeIfAbsent(rs.getString("maker"), a -> Address.of(a).checksummed()));
          java.sql.Timestamp end = rs.getTimestamp("end_time");
          return new CollectionListings.Entry(node, rs.getBigDecimal("price_wei").toBigIntegerExact(), rs.getTimestamp("created_at").toInstant(),
              rs.getTimestamp("start_time").toInstant(), end == null ? null : end.toInstant(), rs.getString("currency"),
              traitKeys(rs.getString("traits")));
        })
        .list();
  }

  static Set<String> traitKeys(String traitsJson) {
    Set<String> keys = new HashSet<>();
    for (JsonNode trait : JSON.readTree(traitsJson)) {
      keys.add(traitKey(trait.path("trait_type").asString(""), trait.path("value").asString("")));
    }
    return Set.copyOf(keys);
  }

  static String traitKey(String type, String value) {
    return type + '\0' + value;
  }

  /** Drops the least recently read collections while more than the capacity is held. */
  private synchronized void makeRoom() {
    if (held.get() <= capacity) {
      return;
    }
    List<Map.Entry<String, Slot>> loaded = new ArrayList<>(slots.entrySet().stream().filter(e -> e.getValue().listings.isDone()).toList());
    loaded.sort(Comparator.comparingLong(e -> e.getValue().lastRead));
    for (Map.Entry<String, Slot> oldest : loaded) {
      if (held.get() <= capacity) {
        break;
      }
      drop(oldest.getKey(), oldest.getValue());
    }
  }

  /** Counts a loaded copy, unless a change dropped it while it loaded. */
  private synchronized void account(String collection, Slot slot, int size) {
    if (slots.get(collection) == slot) {
      slot.size = size;
      held.addAndGet(size);
    }
  }

  private synchronized void drop(String collection, Slot slot) {
    if (slots.remove(collection, slot)) {
      held.addAndGet(-slot.size);
    }
  }

  private void dropAll() {
    slots.forEach(this::drop);
  }

  /** One wait for notifications on the listening connection, connecting (and dropping everything) first if needed. */
  private int listen() {
    try {
      if (connection == null) {
        Connection fresh = dataSource.getConnection();
        fresh.setAutoCommit(true);
        try (Statement statement = fresh.createStatement()) {
          statement.execute("LISTEN " + CHANNEL);
          statement.execute("SET application_name = '" + APPLICATION_NAME + "'");
        }
        connection = fresh;
        dropAll();
        listening = true;
        log.info("listening for listing changes channel={}", CHANNEL);
      }
      // a connection cut off without an error (a half-open socket) would just deliver nothing: ask it now and then
      if (System.nanoTime() - lastChecked > CHECK_EVERY.toNanos()) {
        if (!connection.isValid(2)) {
          throw new SQLException("the listening connection stopped answering");
        }
        lastChecked = System.nanoTime();
      }
      PGNotification[] changes = connection.unwrap(PGConnection.class).getNotifications(500);
      if (changes != null) {
        for (PGNotification change : changes) {
          Slot slot = slots.get(change.getParameter());
          if (slot != null) {
            drop(change.getParameter(), slot);
          }
        }
      }
      return 1;
    } catch (SQLException e) {
      listening = false;
      dropAll();
      closeConnection();
      throw new IllegalStateException("listening for listing changes failed; serving listings from SQL until it is back", e);
    }
  }

  /**
   * Hands the connection back to the pool no longer listening: a session that listens without
   * reading would hold up PostgreSQL's notification queue until it fills and every NOTIFY (every
   * listing write) fails. A broken connection fails here and the pool discards it.
   */
  private void closeConnection() {
    Connection current = connection;
    connection = null;
    if (current == null) {
      return;
    }
    try (current; Statement statement = current.createStatement()) {
      statement.execute("UNLISTEN *");
      statement.execute("RESET application_name");
    } catch (SQLException e) {
      log.debug("releasing the listening connection: {}", e.toString());
    }
  }

  @Override
  public void start() {
    listener.start();
  }

  @Override
  public void stop() {
    listening = false;
    listener.stop(Duration.ofSeconds(2));
    closeConnection();
    dropAll();
  }

  @Override
  public boolean isRunning() {
    return listener.isRunning();
  }
}
