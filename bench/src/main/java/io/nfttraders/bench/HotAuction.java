package io.nfttraders.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * The auctions issue's bidding benchmarks, over HTTP against the packaged server:
 * <ol>
 *   <li>one hot auction, 64 bidders in a closed loop (wrk): accepted durable bids per second;</li>
 *   <li>the same auction at fixed offered rates after 5 s at the rate unmeasured (open loop, latency from each bid's due time, so
 *       no coordinated omission): p50, p99, p99.9;</li>
 *   <li>1,000 auctions at once (wrk): aggregate accepted bids per second.</li>
 * </ol>
 * The baseline, in the same run on the same PostgreSQL: the naive design, one database transaction
 * per bid (lock the auction's row, insert the bid, commit) from 64 threads.
 *
 * <pre>bench/run HotAuction [--bidders=64] [--seconds=30] [--warmup-seconds=20] [--rates=1000,5000,10000] [--auctions=1000]
 *     [--open-loop-connections=256] [--jfr=false] [--keep-data=false] [--postgres-statements=false] [--server-options=--key=value,...] [--jvm-options=-XX:...,...]</pre>
 * With {@code BENCH_POSTGRES_OPTIONS=name=value,...} in the environment, the bench's PostgreSQL runs with those settings.
 *
 * Bids are in wei of WETH: the auctions' reserve is 1 wei and the minimum increment 1 wei, so a
 * bid is accepted when it beats the leading one. Each bid's amount is its request number, so bids
 * arriving in the order they were sent are all accepted; the closed loop's accepted count is the
 * auction's sequence number after minus before (the log's count, not the answers').
 */
public final class HotAuction {

  static final double TARGET_BIDS_PER_SECOND = 20_000;
  static final double TARGET_P99_MILLIS_AT_5000 = 20;
  private static final int TOKENS_PER_SELLER = 200;
  private static final int OPEN_LOOP_WARMUP_SECONDS = 5;
  private static final int DISK_FLUSH_SECONDS = 10;

  private HotAuction() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int bidderCount = args.number("bidders", 64);
    int seconds = args.number("seconds", 30);
    int warmup = args.number("warmup-seconds", 20);
    List<Integer> rates = args.list("rates").isEmpty() ? List.of(1_000, 5_000, 10_000) : args.list("rates").stream().map(Integer::parseInt).toList();
    int auctionCount = args.number("auctions", 1_000);
    int openLoopConnections = args.number("open-loop-connections", 256);
    boolean jfr = args.flag("jfr");
    boolean keepData = args.flag("keep-data");
    boolean statements = args.flag("postgres-statements");
    List<String> extra = args.list("server-options");
    List<String> jvm = new ArrayList<>(MintRun.jvmOptions(jfr, "HotAuction"));
    jvm.addAll(args.list("jvm-options"));
    args.rejectUnknown();
    Wrk.requireInstalled();

    Path data = Project.freshDataDirectory("auctions");
    MintRun.prepare("HotAuction", args);
    EmbeddedPostgres.Builder database = BenchPostgres.fresh(data.resolve("postgres"), 200, Map.of());
    try (EmbeddedPostgres postgres = (statements ? PostgresStatements.loadedInto(database) : database).start()) {
      String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
      List<String> serverOptions = new ArrayList<>(List.of("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
          "--nft.auth.admin-emails=" + Api.OPERATOR));
      serverOptions.addAll(extra);
      try (BenchServer server = BenchServer.start(data, jvm, serverOptions);
          DevChain chain = new DevChain(server.api().chain().rpcUrl())) {
        Api api = server.api();
        String collection = api.chain().collection();
        int sellers = (auctionCount + 1 + TOKENS_PER_SELLER - 1) / TOKENS_PER_SELLER;
        List<Api.User> sellerUsers = MintRun.users(api, chain, sellers);
        List<Api.User> bidders = MintRun.users(api, chain, bidderCount);
        wrapWeth(api, bidders);
        List<String> auctions = createAuctions(api, sellerUsers, collection, auctionCount + 1);
        String hot = auctions.getFirst();
        List<String> many = auctions.subList(1, auctions.size());
        System.out.printf("%d bidders with WETH, %d auctions created%n", bidders.size(), auctions.size());

        NaiveBids.Result naive = NaiveBids.run(postgres.getPostgresDatabase(), bidderCount, seconds);
        System.out.printf("baseline (one transaction per bid, %d threads): %.0f bids/s%n", bidderCount, naive.perSecond());

        String bidUrl = api.base() + "/api/v1/nfts/bid";
        AtomicLong amounts = new AtomicLong(1);
        Wrk.run(bidUrl, bidScript(List.of(hot), bidders, amounts.get()), bidderCount, 1, warmup, data);
        amounts.addAndGet(100_000_000L);
        long before = seq(api, hot);
        if (statements) {
          PostgresStatements.reset(postgres.getPostgresDatabase());
        }
        Duration cpuBefore = server.cpuTime();
        Wrk.Result closed = Wrk.run(bidUrl, bidScript(List.of(hot), bidders, amounts.get()), bidderCount, 1, seconds, data);
        Duration cpu = server.cpuTime().minus(cpuBefore);
        amounts.addAndGet(100_000_000L);
        long accepted = seq(api, hot) - before;
        System.out.printf("closed loop: %d requests, %d accepted in %.1f s; server CPU %.1f µs a request%n", closed.requests(), accepted,
            closed.seconds(), cpu.toNanos() / 1000.0 / closed.requests());
        if (statements) {
          PostgresStatements.print(postgres.getPostgresDatabase(), "the closed loop", 15);
        }

        // what the HTTP stack itself allows on this machine, same connections and generator: the
        // lightest request (no security, a tiny answer), an authenticated read of the hot auction, and
        // the servlet container alone answering the very same bid requests
        Wrk.Result health = Wrk.run(api.base() + "/actuator/health/liveness", "", bidderCount, 1, seconds, data);
        Wrk.Result read = Wrk.run(api.base() + "/api/v1/auctions/" + hot, authenticatedGet(bidders), bidderCount, 1, seconds, data);
        Wrk.Result bare;
        try (BareTomcat container = BareTomcat.start(data.resolve("bare-tomcat"))) {
          bare = Wrk.run(container.url("/api/v1/nfts/bid"), bidScript(List.of(hot), bidders, 1), bidderCount, 1, seconds, data);
        }

        // every accepted bid waits for a WAL flush: the disk's own tail bounds the bids' tail
        DiskFlushes.Result flushes = DiskFlushes.measure(data, DISK_FLUSH_SECONDS);

        String operator = api.signUp(Api.OPERATOR).accessToken();
        List<OpenLoop.Result> open = new ArrayList<>();
        List<Long> openAccepted = new ArrayList<>();
        List<LogWrites> openWrites = new ArrayList<>();
        for (int rate : rates) {
          long from = amounts.getAndAdd(100_000_000L);
          long[] seqBefore = new long[1];
          LogWrites[] writesBefore = new LogWrites[1];
          int port = Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
          OpenLoop.Result r = OpenLoop.run(port, rate, OPEN_LOOP_WARMUP_SECONDS, seconds, openLoopConnections, i -> OpenLoop.postJson("/api/v1/nfts/bid",
              bidders.get((int) (i % bidders.size())).accessToken(), "{\"auctionId\":\"" + hot + "\",\"amountWei\":\"" + (from + i) + "\"}"),
              () -> {
                seqBefore[0] = seq(api, hot);
                writesBefore[0] = LogWrites.scrape(api.prometheus(operator), postgres.getPostgresDatabase());
                if (statements) {
                  PostgresStatements.reset(postgres.getPostgresDatabase());
                }
              });
          if (statements) {
            PostgresStatements.print(postgres.getPostgresDatabase(), "the open loop at " + rate + "/s", 15);
          }
          open.add(r);
          openAccepted.add(seq(api, hot) - seqBefore[0]);
          openWrites.add(LogWrites.scrape(api.prometheus(operator), postgres.getPostgresDatabase()).minus(writesBefore[0]));
          System.out.printf("open loop at %d/s: p99 %.2f ms%n", rate, r.latency().getValueAtPercentile(99) / 1000.0);
        }

        Map<String, Long> seqsBefore = seqs(api, many);
        Duration spreadCpuBefore = server.cpuTime();
        Wrk.Result spread = Wrk.run(bidUrl, bidScript(many, bidders, amounts.get()), bidderCount, 1, seconds, data);
        Duration spreadCpu = server.cpuTime().minus(spreadCpuBefore);
        long spreadAccepted = seqs(api, many).entrySet().stream().mapToLong(e -> e.getValue() - seqsBefore.get(e.getKey())).sum();
        System.out.printf("%d auctions, closed loop: %d requests; server CPU %.1f µs a request%n", many.size(), spread.requests(),
            spreadCpu.toNanos() / 1000.0 / spread.requests());

        report(bidderCount, seconds, naive, closed, accepted, rates, open, openAccepted, many.size(), spread, spreadAccepted,
            List.of(health, read, bare), flushes, openWrites);
      }
    } finally {
      if (!keepData) {
        Project.delete(data);
      }
    }
  }

  /**
   * The server's {@code nft_auctions_log_writes} timer (how many batches it wrote, in how long, how
   * many were slow) and the database's checkpoints and autovacuum runs, whose writes share the disk
   * with the log's flushes.
   */
  record LogWrites(long batches, double seconds, long over20Millis, long over50Millis, long checkpoints, long vacuums) {
    private static final String COMMITTED = "outcome=\"committed\"";

    static LogWrites scrape(String prometheus, DataSource database) {
      long batches = (long) Prometheus.value(prometheus, "nft_auctions_log_writes_seconds_count", COMMITTED).orElse(0);
      return new LogWrites(batches, Prometheus.value(prometheus, "nft_auctions_log_writes_seconds_sum", COMMITTED).orElse(0),
          batches - bucket(prometheus, "0.02"), batches - bucket(prometheus, "0.05"),
          count(database, "select num_timed + num_requested from pg_stat_checkpointer"),
          count(database, "select coalesce(sum(autovacuum_count + autoanalyze_count), 0) from pg_stat_user_tables"));
    }

    /** Committed batches that took at most {@code seconds}. */
    private static long bucket(String prometheus, String seconds) {
      return (long) Prometheus.value(prometheus, "nft_auctions_log_writes_seconds_bucket", "le=\"" + seconds + "\"", COMMITTED).orElse(0);
    }

    LogWrites minus(LogWrites before) {
      return new LogWrites(batches - before.batches, seconds - before.seconds, over20Millis - before.over20Millis, over50Millis - before.over50Millis,
          checkpoints - before.checkpoints, vacuums - before.vacuums);
    }

    double meanMillis() {
      return batches == 0 ? 0 : seconds * 1000 / batches;
    }

    /** A count the database keeps: checkpoints begun (pg_stat_checkpointer), autovacuum and autoanalyze runs (pg_stat_user_tables). */
    private static long count(DataSource database, String query) {
      try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    }
  }


  /** Each bidder wraps 0.1 ETH into WETH (enough for every bid of the run, which are a few wei each). */
  private static void wrapWeth(Api api, List<Api.User> bidders) throws InterruptedException {
    List<String> transactions = new ArrayList<>();
    for (Api.User bidder : bidders) {
      transactions.add(api.post("/api/v1/wallet/wrap", bidder.accessToken(), Map.of("amount", "0.1"), 202).get("transactionId").asString());
    }
    for (int i = 0; i < bidders.size(); i++) {
      api.awaitConfirmed(bidders.get(i), transactions.get(i));
    }
  }

  /** Drops of 200 tokens, one per seller, then a reserve auction (1 wei reserve, 1 wei increment, no extension) per token. */
  private static List<String> createAuctions(Api api, List<Api.User> sellers, String collection, int count) throws InterruptedException {
    for (int s = 0; s < sellers.size(); s++) {
      String tx = api.mintBatch(sellers.get(s), Uploads.drop(10_000_000L + (long) s * TOKENS_PER_SELLER, TOKENS_PER_SELLER));
      api.awaitConfirmed(sellers.get(s), tx);
    }
    List<String> auctions = new ArrayList<>();
    for (Api.User seller : sellers) {
      JsonNode owned;
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      do {
        Thread.sleep(200);
        owned = api.get("/api/v1/user/nfts?limit=200", seller.accessToken());
      } while (owned.size() < TOKENS_PER_SELLER && System.nanoTime() < deadline);
      for (JsonNode nft : owned) {
        if (auctions.size() == count) {
          break;
        }
        auctions.add(api.post("/api/v1/auctions", seller.accessToken(), Map.of("collection", collection, "tokenId", nft.get("tokenId").asString(),
            "startPriceWei", "1", "minIncrementBps", 0, "extensionWindow", "PT0S"), 201).get("id").asString());
      }
    }
    if (auctions.size() < count) {
      throw new IllegalStateException("only " + auctions.size() + " of " + count + " tokens were indexed");
    }
    return auctions;
  }

  /**
   * wrk's requests: bid number i goes to auction i mod N from bidder i mod 64 (a different bidder
   * than the one before, so nobody outbids themselves) with amount {@code firstAmount + i}.
   */
  private static String bidScript(List<String> auctions, List<Api.User> bidders, long firstAmount) {
    StringBuilder lua = new StringBuilder("local auctions = {\n");
    auctions.forEach(a -> lua.append("  \"").append(a).append("\",\n"));
    lua.append("}\nlocal tokens = {\n");
    bidders.forEach(b -> lua.append("  \"Bearer ").append(b.accessToken()).append("\",\n"));
    lua.append("}\nlocal n = 0\nlocal first = ").append(firstAmount).append("\n");
    lua.append("""
        request = function()
          n = n + 1
          local body = '{"auctionId":"' .. auctions[(n % #auctions) + 1] .. '","amountWei":"' .. string.format("%d", first + n) .. '"}'
          return wrk.format("POST", nil, {["Authorization"] = tokens[(n % #tokens) + 1], ["Content-Type"] = "application/json"}, body)
        end
        """);
    return lua.toString();
  }

  /** GETs of the URL from bidder i mod N's token, as a bid would carry it. */
  private static String authenticatedGet(List<Api.User> bidders) {
    StringBuilder lua = new StringBuilder("local tokens = {\n");
    bidders.forEach(b -> lua.append("  \"Bearer ").append(b.accessToken()).append("\",\n"));
    lua.append("""
        }
        local n = 0
        request = function()
          n = n + 1
          return wrk.format("GET", nil, {["Authorization"] = tokens[(n % #tokens) + 1]})
        end
        """);
    return lua.toString();
  }

  private static long seq(Api api, String auction) {
    return api.get("/api/v1/auctions/" + auction, null).get("seq").asLong();
  }

  private static Map<String, Long> seqs(Api api, List<String> auctions) {
    Map<String, Long> seqs = new java.util.HashMap<>();
    auctions.forEach(a -> seqs.put(a, seq(api, a)));
    return seqs;
  }

  private static void report(int bidders, int seconds, NaiveBids.Result naive, Wrk.Result closed, long accepted, List<Integer> rates,
      List<OpenLoop.Result> open, List<Long> openAccepted, int spreadAuctions, Wrk.Result spread, long spreadAccepted, List<Wrk.Result> ceilings,
      DiskFlushes.Result flushes, List<LogWrites> openWrites) {
    Wrk.Result health = ceilings.get(0);
    Wrk.Result read = ceilings.get(1);
    Wrk.Result bare = ceilings.get(2);
    double acceptedPerSecond = accepted / closed.seconds();
    System.out.println();
    System.out.println("Bidding, " + LocalDate.now() + " (" + Project.provenance() + "):");
    System.out.println();
    System.out.print(new Table("load", "requests/s", "accepted bids/s", "p50 / p99 / p99.9 / max (ms)", "rejected or failed", "target")
        .row("baseline: one transaction per bid, " + bidders + " JDBC threads", "-", fmt(naive.perSecond()), "-", "-", "-")
        .row("one auction, " + bidders + " bidders, closed loop (wrk)", fmt(closed.requestsPerSecond()), fmt(acceptedPerSecond),
            ms(closed.p50(), closed.p99(), closed.p999(), closed.max()), closed.errors(),
            ">= 20,000 accepted/s: " + (acceptedPerSecond >= TARGET_BIDS_PER_SECOND ? "met" : "MISSED"))
        .row("ceiling: GET /actuator/health/liveness, " + bidders + " connections (wrk)", fmt(health.requestsPerSecond()), "-",
            ms(health.p50(), health.p99(), health.p999(), health.max()), health.errors(), "-")
        .row("ceiling: GET /api/v1/auctions/{id} with a bearer token, " + bidders + " connections (wrk)", fmt(read.requestsPerSecond()), "-",
            ms(read.p50(), read.p99(), read.p999(), read.max()), read.errors(), "-")
        .row("ceiling: the same bids to a bare Tomcat servlet (reads the body, fixed answer; no Spring), " + bidders + " connections (wrk)",
            fmt(bare.requestsPerSecond()), "-", ms(bare.p50(), bare.p99(), bare.p999(), bare.max()), bare.errors(), "-"));
    Table table = new Table("load", "requests/s", "accepted bids/s", "p50 / p99 / p99.9 / max (ms)", "rejected or failed", "target");
    for (int i = 0; i < open.size(); i++) {
      OpenLoop.Result r = open.get(i);
      Histogram h = r.latency();
      String target = rates.get(i) == 5_000
          ? "p99 < 20 ms: " + (h.getValueAtPercentile(99) / 1000.0 < TARGET_P99_MILLIS_AT_5000 ? "met" : "MISSED") : "-";
      table.row("one auction, open loop at " + rates.get(i) + "/s", fmt(r.sent() / r.seconds()), fmt(openAccepted.get(i) / r.seconds()),
          ms(h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue()),
          (r.conflicts() + r.errors()) + " (" + r.errors() + " failed)", target);
    }
    table.row(spreadAuctions + " auctions, " + bidders + " bidders, closed loop (wrk)", fmt(spread.requestsPerSecond()),
        fmt(spreadAccepted / spread.seconds()), ms(spread.p50(), spread.p99(), spread.p999(), spread.max()), spread.errors(), "-");
    System.out.print(table);
    System.out.printf("%n%d s per load; latencies of every answer (accepted or rejected).%n", seconds);
    System.out.printf("%nThe disk under the database, measured before the open loops: %s.%n", flushes.summary());
    for (int i = 0; i < open.size(); i++) {
      LogWrites w = openWrites.get(i);
      System.out.printf("The auction log's writes during the open loop at %d/s (batch insert and commit, nft_auctions_log_writes):"
          + " %,d batches, mean %.2f ms, %d over 20 ms, %d over 50 ms; %d checkpoints and %d autovacuum or autoanalyze runs began.%n",
          rates.get(i), w.batches(), w.meanMillis(), w.over20Millis(), w.over50Millis(), w.checkpoints(), w.vacuums());
    }
  }

  private static String fmt(double perSecond) {
    return String.format(Locale.ROOT, "%,.0f", perSecond);
  }

  private static String ms(long p50, long p99, long p999, long max) {
    return String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.1f", p50 / 1000.0, p99 / 1000.0, p999 / 1000.0, max / 1000.0);
  }
}
