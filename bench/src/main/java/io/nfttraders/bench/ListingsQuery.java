package io.nfttraders.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Benchmark of the trading issue: 1,000,000 live listings across 1,000 collections, prices drawn
 * from Foundation's listing prices, and the GraphQL listings query (a page of 24, one collection, a
 * price range, cheapest first) from 32 closed-loop clients. Target: 5,000 requests/s, p99 under 50 ms.
 *
 * <pre>bench/run ListingsQuery [--listings=1000000] [--collections=1000] [--clients=32] [--seconds=30] [--warmup-seconds=120]
 *     [--sql-warmup-seconds=15] [--wrk-threads=1] [--search-seconds=20] [--keep-data=false] [--server-options=...]
 *     [--server-jvm-options=...] [--jfr=false]</pre>
 *
 * The benchmark runs PostgreSQL itself (the server's external-database mode, as in production) so it
 * can seed the order book with one set-based insert after the server created the schema. The
 * baseline, measured in the same run with the same clients count and query mix, is the page's SQL
 * alone over JDBC: what the database can do without HTTP, GraphQL and JSON in front of it.
 *
 * <p>The HTTP load comes from wrk ({@link Wrk}) with 32 connections, one client each. Its warm-up is
 * long because the server's JIT needs about two minutes at full load before its throughput settles.
 */
public final class ListingsQuery {

  static final double TARGET_RPS = 5_000;
  static final double TARGET_P99_MILLIS = 50;
  private static final String QUERY = """
      query Page($filter: ListingFilter, $first: Int) {
        listings(filter: $filter, sort: PRICE_ASC, first: $first) {
          edges { cursor node { hash tokenId collection priceWei price currency maker createdAt } }
          pageInfo { hasNextPage endCursor }
        }
      }""";
  private static final String SQL = """
      select hash, chain_id, collection, token_id, maker, price_wei, currency, created_at, end_time, name from orders
      where side = 'SELL' and state = 'OPEN' and invalid_reason is null and (end_time is null or end_time > now())
        and collection = ? and price_wei >= ? and price_wei <= ?
      order by price_wei, hash limit 25""";

  private ListingsQuery() {}

  /** The plain query of a name search, cheapest first: NameSearches' last step (its first two bound the cost of a misplanned one). */
  private static final String SEARCH_SQL = """
      select hash, chain_id, collection, token_id, maker, price_wei, currency, created_at, end_time, name from orders
      where side = 'SELL' and state = 'OPEN' and invalid_reason is null and start_time <= now() and (end_time is null or end_time > now())
        and name ilike ? escape '\\'
      order by price_wei, hash limit 25""";

  record Range(String collection, BigDecimal min, BigDecimal max) {}

  record Result(String name, double requestsPerSecond, long requests, long errors, Histogram latency) {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int listings = args.number("listings", 1_000_000);
    int collections = args.number("collections", 1_000);
    int clients = args.number("clients", 32);
    int seconds = args.number("seconds", 30);
    int warmup = args.number("warmup-seconds", 120);
    int sqlWarmup = args.number("sql-warmup-seconds", 15);
    int wrkThreads = args.number("wrk-threads", 1);
    boolean jfr = args.flag("jfr");
    int searchSeconds = args.number("search-seconds", 20);
    boolean keepData = args.flag("keep-data");
    List<String> extra = args.list("server-options");
    List<String> jvm = new ArrayList<>(MintRun.jvmOptions(jfr, "ListingsQuery"));
    jvm.addAll(args.list("server-jvm-options"));
    args.rejectUnknown();
    Wrk.requireInstalled();

    Path data = Project.freshDataDirectory("listings");
    MintRun.prepare("ListingsQuery", args);
    List<BigDecimal> prices = foundationPrices();
    try (EmbeddedPostgres postgres = BenchPostgres.fresh(data.resolve("postgres"), 100, Map.of("shared_buffers", "512MB")).start()) {
      String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
      List<String> serverOptions = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
          "--spring.datasource.hikari.maximum-pool-size=40"));
      serverOptions.addAll(extra);
      try (BenchServer server = BenchServer.start(data, jvm, serverOptions)) {
        DataSource database = postgres.getPostgresDatabase();
        long seedStart = System.nanoTime();
        seed(database, listings, collections, prices);
        System.out.printf("seeded %,d listings in %d collections (%,d Foundation prices) in %.1f s%n", listings, collections, prices.size(),
            (System.nanoTime() - seedStart) / 1e9);
        System.out.println("\nquery plan of one page (EXPLAIN ANALYZE, BUFFERS):\n```\n" + plan(database, range(collections, prices)) + "```\n");

        // one connection per client, as a pool would give it
        ThreadLocal<PreparedStatement> statements = ThreadLocal.withInitial(() -> {
          try {
            return database.getConnection().prepareStatement(SQL);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        Result sql = run("SQL over JDBC (baseline)", clients, sqlWarmup, seconds, () -> {
          try {
            PreparedStatement s = statements.get();
            Range r = range(collections, prices);
            s.setString(1, r.collection());
            s.setBigDecimal(2, r.min());
            s.setBigDecimal(3, r.max());
            int rows = 0;
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                rows++;
              }
            }
            return rows >= 0 ? 200 : 500;
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        });
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
          Range r = range(collections, prices);
          bodies.add(Api.JSON.writeValueAsString(Map.of("query", QUERY, "variables", Map.of("first", 24, "filter",
              Map.of("collection", r.collection(), "minPriceWei", r.min().toPlainString(), "maxPriceWei", r.max().toPlainString())))));
        }
        String graphql = server.api().base() + "/graphql";
        checkAnswers(graphql, bodies.subList(0, 200));
        Wrk.post(graphql, bodies, clients, wrkThreads, warmup, data);
        Duration cpuBefore = server.cpuTime();
        Wrk.Result api = Wrk.post(graphql, bodies, clients, wrkThreads, seconds, data);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        report(listings, collections, clients, seconds, sql, api);
        System.out.printf("server CPU %.1f µs a GraphQL listings request%n", cpu.toNanos() / 1000.0 / api.requests());
        if (searchSeconds > 0) {
          search(database, graphql, listings, clients, wrkThreads, searchSeconds, data);
        }
      }
    } finally {
      if (!keepData) {
        Project.delete(data);
      }
    }
  }

  /**
   * The web app's name search over every collection (a trigram index, V14): its plan for a selective
   * and an unselective term, then a load of selective searches ("#" and a random listing number, as a
   * user looks for one lot: one match for nine terms in ten, 11 or 111 for the others).
   */
  private static void search(DataSource database, String graphql, int listings, int clients, int wrkThreads, int seconds, Path data)
      throws Exception {
    for (String term : List.of("#48213", "lot #9")) {
      StringBuilder plan = new StringBuilder();
      try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + SEARCH_SQL)) {
        s.setString(1, "%" + term + "%");
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            plan.append(rs.getString(1)).append('\n');
          }
        }
      }
      System.out.println("\nquery plan of a name search for \"" + term + "\" (EXPLAIN ANALYZE, BUFFERS):\n```\n" + plan + "```\n");
    }
    List<String> bodies = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      String term = "#" + (1_000 + ThreadLocalRandom.current().nextInt(listings - 1_000));
      bodies.add(Api.JSON.writeValueAsString(Map.of("query", QUERY, "variables", Map.of("first", 24, "filter", Map.of("search", term)))));
    }
    checkAnswers(graphql, bodies.subList(0, 200));
    Wrk.post(graphql, bodies, clients, wrkThreads, 15, data);
    Wrk.Result result = Wrk.post(graphql, bodies, clients, wrkThreads, seconds, data);
    Table table = new Table("", "requests/s", "requests", "errors", "p50 ms", "p99 ms", "p99.9 ms", "max ms");
    table.row("GraphQL name search, every collection (wrk)", Math.round(result.requestsPerSecond()), result.requests(), result.errors(),
        result.p50() / 1000.0, result.p99() / 1000.0, result.p999() / 1000.0, result.max() / 1000.0);
    System.out.printf("%n%d clients, %d s measured after 15 s of warm-up%n%n%s%n", clients, seconds, table);
  }

  /** Every listing price of the Foundation dataset, in wei-exact decimals of ETH. */
  private static List<BigDecimal> foundationPrices() throws IOException {
    Path csv = Project.directory().resolve("../shared/datasets/foundation/list_data.csv").normalize();
    List<BigDecimal> prices = new ArrayList<>();
    for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
      String[] fields = line.split(",");
      BigDecimal eth = new BigDecimal(fields[3].strip());
      if (eth.signum() > 0) {
        prices.add(eth.movePointRight(18).setScale(0, java.math.RoundingMode.DOWN));
      }
    }
    return prices;
  }

  /** One set-based insert: listing i is in collection i mod N at a price drawn at random from the dataset. */
  private static void seed(DataSource database, int listings, int collections, List<BigDecimal> prices) throws SQLException {
    try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
      try (PreparedStatement insert = c.prepareStatement("""
          insert into orders (hash, chain_id, exchange, side, maker, collection, token_id, currency, price_wei, start_time, end_time, salt, counter,
            signature, state, invalid_reason, name, traits, created_at, updated_at)
          select '0x' || md5(i::text) || md5((i + 1000000000)::text), 31337, '0x' || repeat('e', 40), 'SELL',
            '0x' || lpad(to_hex(i % 50000), 40, '0'), '0x' || lpad(to_hex(1000000 + i % ?), 40, '0'), i,
            '0x0000000000000000000000000000000000000000', (?::numeric[])[1 + floor(random() * ?)::int], now() - interval '1 day',
            now() + interval '30 days', i, 0, '0x', 'OPEN', null, 'Lot #' || i, '[]', now() - (i || ' seconds')::interval, now()
          from generate_series(1, ?) as i
          """)) {
        insert.setInt(1, collections);
        insert.setArray(2, c.createArrayOf("numeric", prices.toArray()));
        insert.setInt(3, prices.size());
        insert.setInt(4, listings);
        insert.executeUpdate();
      }
      s.execute("vacuum analyze orders");
    }
  }

  private static String plan(DataSource database, Range r) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement("explain (analyze, buffers) " + SQL)) {
      s.setString(1, r.collection());
      s.setBigDecimal(2, r.min());
      s.setBigDecimal(3, r.max());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
    }
    return plan.toString();
  }

  /** A random collection and a price range around a random dataset price (from it to four times it). */
  private static Range range(int collections, List<BigDecimal> prices) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String collection = "0x" + String.format("%40s", Integer.toHexString(1_000_000 + random.nextInt(collections))).replace(' ', '0');
    BigDecimal low = prices.get(random.nextInt(prices.size()));
    return new Range(collection, low, low.multiply(BigDecimal.valueOf(4)));
  }

  /** Closed loop: each client sends its next request when the previous answer arrived. */
  private static Result run(String name, int clients, int warmupSeconds, int seconds, IntSupplier request) throws InterruptedException {
    Recorder recorder = new Recorder(3);
    AtomicLong errors = new AtomicLong();
    long warmupEnd = System.nanoTime() + Duration.ofSeconds(warmupSeconds).toNanos();
    long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      threads.add(Thread.ofPlatform().name("client-" + i).start(() -> {
        while (true) {
          long start = System.nanoTime();
          if (start >= end) {
            return;
          }
          int status = request.getAsInt();
          long done = System.nanoTime();
          if (start >= warmupEnd && done <= end) {
            recorder.recordValue((done - start) / 1_000);
            if (status != 200) {
              errors.incrementAndGet();
            }
          }
        }
      }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    Histogram latency = recorder.getIntervalHistogram();
    return new Result(name, latency.getTotalCount() / (double) seconds, latency.getTotalCount(), errors.get(), latency);
  }

  private static void report(int listings, int collections, int clients, int seconds, Result baseline, Wrk.Result api) {
    Table table = new Table("", "requests/s", "requests", "errors", "p50 ms", "p99 ms", "p99.9 ms", "max ms", "target");
    Histogram h = baseline.latency();
    table.row(baseline.name(), Math.round(baseline.requestsPerSecond()), baseline.requests(), baseline.errors(), h.getValueAtPercentile(50) / 1000.0,
        h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, "");
    boolean met = api.requestsPerSecond() >= TARGET_RPS && api.p99() / 1000.0 < TARGET_P99_MILLIS && api.errors() == 0;
    table.row("GraphQL listings query over HTTP (wrk)", Math.round(api.requestsPerSecond()), api.requests(), api.errors(), api.p50() / 1000.0,
        api.p99() / 1000.0, api.p999() / 1000.0, api.max() / 1000.0, (met ? "met" : "missed") + " (>= 5,000/s, p99 < 50 ms, no errors)");
    System.out.printf("%n%,d listings, %,d collections, %d clients, %d s measured after warm-up%n%n%s%n", listings, collections, clients, seconds, table);
  }

  /** The load generator only counts HTTP failures, so a sample of its requests is checked for GraphQL errors and real pages first. */
  private static void checkAnswers(String url, List<String> bodies) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int nonEmpty = 0;
    for (String body : bodies) {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 || response.body().contains("\"errors\"") || !response.body().contains("\"edges\"")) {
        throw new IllegalStateException("the listings query failed (" + response.statusCode() + "): " + response.body());
      }
      nonEmpty += response.body().contains("\"priceWei\"") ? 1 : 0;
    }
    System.out.printf("checked %d sample answers: no errors, %d with listings%n", bodies.size(), nonEmpty);
  }
}
