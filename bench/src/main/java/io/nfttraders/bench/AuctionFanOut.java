package io.nfttraders.bench;

import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.JsonNode;

/**
 * The auctions issue's fan-out benchmark: many GraphQL subscribers (graphql-ws over WebSocket) on
 * one auction while bids are accepted at a steady rate; the latency of each delivered event is
 * from the moment the server decided the bid (the event's {@code at}; same machine, same clock) to
 * its arrival at a subscriber. Every subscriber checks its sequence numbers: a gap, a duplicate or
 * a step back is counted.
 *
 * <pre>bench/run AuctionFanOut [--subscribers=1000] [--bids-per-second=20] [--seconds=30] [--reader-threads=2] [--jfr=false] [--keep-data=false]
 *     [--server-options=--key=value,...]</pre>
 */
public final class AuctionFanOut {

  static final double TARGET_P99_MILLIS = 50;
  private static final String SUBSCRIBE = "subscription E($a: ID!) { auctionEvents(auctionId: $a, after: 0) { seq at } }";

  private AuctionFanOut() {}

  public static void main(String[] argv) throws Exception {
    Args args = new Args(argv);
    int subscriberCount = args.number("subscribers", 1_000);
    int rate = args.number("bids-per-second", 20);
    int seconds = args.number("seconds", 30);
    int readerThreads = args.number("reader-threads", 2);
    boolean keepData = args.flag("keep-data");
    boolean jfr = args.flag("jfr");
    List<String> serverOptions = args.list("server-options");
    args.rejectUnknown();

    Path data = Project.freshDataDirectory("fanout");
    MintRun.prepare("AuctionFanOut", args);
    try (BenchServer server = BenchServer.start(data, MintRun.jvmOptions(jfr, "AuctionFanOut"), serverOptions);
        DevChain chain = new DevChain(server.api().chain().rpcUrl())) {
      Api api = server.api();
      List<Api.User> users = MintRun.users(api, chain, 3);
      Api.User seller = users.get(0);
      List<Api.User> bidders = users.subList(1, 3);
      for (Api.User bidder : bidders) {
        api.awaitConfirmed(bidder, api.post("/api/v1/wallet/wrap", bidder.accessToken(), Map.of("amount", "0.1"), 202).get("transactionId").asString());
      }
      api.awaitConfirmed(seller, api.mint(seller, Uploads.single(42)));
      JsonNode owned;
      do {
        Thread.sleep(200);
        owned = api.get("/api/v1/user/nfts", seller.accessToken());
      } while (owned.isEmpty());
      String auction = api.post("/api/v1/auctions", seller.accessToken(), Map.of("collection", api.chain().collection(), "tokenId",
          owned.get(0).get("tokenId").asString(), "startPriceWei", "1", "minIncrementBps", 0), 201).get("id").asString();

      Recorder latency = new Recorder(600_000_000L, 3);
      Map<Long, EventArrivals> arrivals = new ConcurrentHashMap<>();
      AtomicLong delivered = new AtomicLong();
      AtomicLong disorder = new AtomicLong();
      long total = (long) rate * seconds + 1;
      CountDownLatch allSawFirst = new CountDownLatch(subscriberCount);
      CountDownLatch allSawLast = new CountDownLatch(subscriberCount);
      List<String> opening = List.of("{\"type\":\"connection_init\"}", Api.JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe",
          "payload", Map.of("query", SUBSCRIBE, "variables", Map.of("a", auction)))));
      int port = Integer.parseInt(api.base().substring(api.base().lastIndexOf(':') + 1));
      WebSocketSubscribers sockets = new WebSocketSubscribers(port, "/graphql", subscriberCount, readerThreads, opening, i -> new Subscriber(latency, arrivals, delivered, disorder, allSawFirst, allSawLast, total));
      // the first event reaches everyone before the clock starts: all subscriptions are live
      bid(api, bidders.get(0), auction, 1);
      if (!allSawFirst.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(allSawFirst.getCount() + " subscribers never saw the first event");
      }
      latency.reset();
      delivered.set(0);
      arrivals.clear();

      long start = System.nanoTime();
      for (long i = 1; i < total; i++) {
        long due = start + (long) (i * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        bid(api, bidders.get((int) (i % 2)), auction, i + 1);
      }
      boolean complete = allSawLast.await(1, TimeUnit.MINUTES);
      Histogram h = latency.getIntervalHistogram();
      sockets.close();
      report(subscriberCount, rate, seconds, total - 1, delivered.get(), disorder.get(), complete ? 0 : allSawLast.getCount(), h);
      reportSpread(arrivals);
    } finally {
      if (!keepData) {
        Project.delete(data);
      }
    }
  }

  private static void bid(Api api, Api.User bidder, String auction, long amount) {
    api.post("/api/v1/nfts/bid", bidder.accessToken(), Map.of("auctionId", auction, "amountWei", Long.toString(amount)), 200);
  }

  /** When one event was decided, and when it reached its first and its last subscriber (epoch microseconds). */
  private static final class EventArrivals {
    final long at;
    long first = Long.MAX_VALUE;
    long last;

    EventArrivals(long at) {
      this.at = at;
    }

    synchronized void arrived(long micros) {
      first = Math.min(first, micros);
      last = Math.max(last, micros);
    }
  }

  /** Where an event's latency goes: until it reaches the first subscriber, and from there to the last. */
  private static void reportSpread(Map<Long, EventArrivals> arrivals) {
    Histogram toFirst = new Histogram(600_000_000L, 3);
    Histogram spread = new Histogram(600_000_000L, 3);
    arrivals.values().forEach(a -> {
      toFirst.recordValue(Math.max(0, a.first - a.at));
      spread.recordValue(Math.max(0, a.last - a.first));
    });
    System.out.println();
    System.out.printf(Locale.ROOT, "per event (%d): decided to first subscriber p50 %.2f / p99 %.2f ms; first to last subscriber p50 %.2f / p99 %.2f ms%n",
        arrivals.size(), toFirst.getValueAtPercentile(50) / 1000.0, toFirst.getValueAtPercentile(99) / 1000.0, spread.getValueAtPercentile(50) / 1000.0,
        spread.getValueAtPercentile(99) / 1000.0);
  }

  /** One subscriber: records each event's latency and checks that sequence numbers go up by one. */
  private static final class Subscriber implements Consumer<String> {
    private final Recorder latency;
    private final Map<Long, EventArrivals> arrivals;
    private final AtomicLong delivered;
    private final AtomicLong disorder;
    private final CountDownLatch sawFirst;
    private final CountDownLatch sawLast;
    private final long last;
    private long seq;

    Subscriber(Recorder latency, Map<Long, EventArrivals> arrivals, AtomicLong delivered, AtomicLong disorder, CountDownLatch sawFirst,
        CountDownLatch sawLast, long last) {
      this.latency = latency;
      this.arrivals = arrivals;
      this.delivered = delivered;
      this.disorder = disorder;
      this.sawFirst = sawFirst;
      this.sawLast = sawLast;
      this.last = last;
    }

    /** A message as the server writes it: {"id":"1","type":"next","payload":{"data":{"auctionEvents":{"seq":N,"at":"..."}}}}. */
    @Override
    public void accept(String message) {
      Instant now = Instant.now();
      if (!message.contains("\"type\":\"next\"")) {
        return;
      }
      int seqAt = message.indexOf("\"seq\":") + 6;
      int seqEnd = seqAt;
      while (Character.isDigit(message.charAt(seqEnd))) {
        seqEnd++;
      }
      long next = Long.parseLong(message, seqAt, seqEnd, 10);
      int atAt = message.indexOf("\"at\":\"") + 6;
      Instant at = Instant.parse(message.substring(atAt, message.indexOf('"', atAt)));
      if (next != seq + 1) {
        disorder.incrementAndGet();
      }
      seq = Math.max(seq, next);
      latency.recordValue(Math.max(0, Duration.between(at, now).toNanos() / 1000));
      arrivals.computeIfAbsent(next, n -> new EventArrivals(micros(at))).arrived(micros(now));
      delivered.incrementAndGet();
      if (next == 1) {
        sawFirst.countDown();
      }
      if (next == last) {
        sawLast.countDown();
      }
    }
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }

  private static void report(int subscribers, int rate, int seconds, long bids, long delivered, long disorder, long incomplete, Histogram h) {
    double p99 = h.getValueAtPercentile(99) / 1000.0;
    System.out.println();
    System.out.println("Fan-out, " + LocalDate.now() + " (" + Project.provenance() + "):");
    System.out.println();
    System.out.print(new Table("subscribers", "bids/s (s)", "events delivered (expected)", "p50 / p99 / p99.9 / max (ms)", "gaps, duplicates or steps back",
        "subscribers short of the last event", "target")
        .row(subscribers, rate + " (" + seconds + ")", delivered + " (" + bids * subscribers + ")",
            String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.1f", h.getValueAtPercentile(50) / 1000.0, p99, h.getValueAtPercentile(99.9) / 1000.0,
                h.getMaxValue() / 1000.0), disorder, incomplete,
            "p99 < 50 ms, none lost: " + (p99 < TARGET_P99_MILLIS && disorder == 0 && incomplete == 0 && delivered == bids * subscribers ? "met" : "MISSED")));
  }
}
