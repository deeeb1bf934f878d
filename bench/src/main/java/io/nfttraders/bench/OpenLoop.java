package io.nfttraders.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;

/**
 * Open-loop HTTP load at a fixed rate: request {@code i} is due at {@code start + i / rate}
 * whether or not earlier ones were answered, and its latency is measured from when it was due,
 * not from when a connection got round to sending it. So a stalled server is charged for every
 * request it kept waiting (no coordinated omission), and so is the generator's own lateness.
 *
 * <p>One thread drives every keep-alive HTTP/1.1 connection through a selector, the way wrk does:
 * a due request goes out on an idle connection, or waits for the next one to be answered. A thread
 * per connection (virtual threads on blocking sockets, each read re-registered with the JDK's
 * poller) took about as much CPU as the server it measured, on the same two cores.
 */
final class OpenLoop {

  /** Latencies in microseconds from each request's due time to the end of its answer. */
  record Result(int rate, long sent, long ok, long conflicts, long errors, double seconds, Histogram latency) {}

  /** A request's bytes (a complete HTTP/1.1 request) for request number {@code i}. */
  interface Requests extends LongFunction<byte[]> {}

  private static final long DRAIN_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final int port;
  private final Requests requests;
  private final Selector selector;
  private final Deque<Connection> idle = new ArrayDeque<>();
  /** Requests that found no idle connection, oldest first: {index, due time}. */
  private final Deque<long[]> backlog = new ArrayDeque<>();
  private final Histogram latency = new Histogram(600_000_000L, 3);
  /** The worst latency of the requests due in each second of the run, in microseconds. */
  private long[] worstBySecond = new long[0];
  private long start;
  private long ok;
  private long conflicts;
  private long errors;
  private long answered;

  private OpenLoop(int port, Requests requests) throws IOException {
    this.port = port;
    this.requests = requests;
    this.selector = Selector.open();
  }

  /**
   * Runs {@code warmupSeconds} at the rate unmeasured, then {@code seconds} measured, on the same
   * connections: the first seconds on fresh connections (the server's threads and buffers growing
   * to the load) were up to four times slower than the rest. {@code measuring} runs in between,
   * with no request in flight.
   */
  static Result run(int port, int rate, int warmupSeconds, int seconds, int connections, Requests requests, Runnable measuring)
      throws IOException {
    OpenLoop loop = new OpenLoop(port, requests);
    try {
      for (int c = 0; c < connections; c++) {
        loop.idle.push(loop.open());
      }
      if (warmupSeconds > 0) {
        loop.drive(rate, warmupSeconds, 0);
        loop.reset();
      }
      measuring.run();
      return loop.drive(rate, seconds, (long) rate * warmupSeconds);
    } finally {
      for (SelectionKey key : loop.selector.keys()) {
        key.channel().close();
      }
      loop.selector.close();
    }
  }

  private void reset() {
    latency.reset();
    ok = 0;
    conflicts = 0;
    errors = 0;
    answered = 0;
  }

  /** Sends requests {@code first} to {@code first + rate * seconds - 1} at the rate and waits for their answers. */
  private Result drive(int rate, int seconds, long first) throws IOException {
    long total = (long) rate * seconds;
    double interval = 1e9 / rate;
    start = System.nanoTime() + 10_000_000L;
    worstBySecond = new long[seconds + 1];
    long next = 0;
    while (answered < total && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(seconds) + DRAIN_NANOS) {
      long now = System.nanoTime();
      for (long due = start + (long) (next * interval); next < total && due <= now; due = start + (long) (++next * interval)) {
        Connection connection = idle.poll();
        if (connection == null) {
          backlog.add(new long[] {first + next, due});
        } else {
          connection.send(first + next, due);
        }
      }
      long untilNext = next < total ? start + (long) (next * interval) - System.nanoTime() : TimeUnit.MILLISECONDS.toNanos(100);
      // a selector waits in whole milliseconds: a request due sooner goes out up to a millisecond late, and is charged for it
      selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(untilNext)));
      for (SelectionKey key : selector.selectedKeys()) {
        ((Connection) key.attachment()).readable();
      }
      selector.selectedKeys().clear();
    }
    errors += total - answered;
    StringBuilder worst = new StringBuilder();
    for (long w : worstBySecond) {
      worst.append(worst.isEmpty() ? "" : " ").append(w / 1000);
    }
    System.out.printf("open loop at %d/s, worst latency (ms) of the requests due in each second from %s: %s%n", rate,
        java.time.LocalTime.now().minusNanos(System.nanoTime() - start).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), worst);
    return new Result(rate, total, ok, conflicts, errors, (System.nanoTime() - start) / 1e9, latency);
  }

  private Connection open() throws IOException {
    SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
    channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
    channel.configureBlocking(false);
    Connection connection = new Connection(channel);
    channel.register(selector, SelectionKey.OP_READ, connection);
    return connection;
  }

  /** One keep-alive connection with at most one request in flight. */
  private final class Connection {
    private final SocketChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);
    private long index = -1;
    private long due;

    Connection(SocketChannel channel) {
      this.channel = channel;
    }

    void send(long requestIndex, long dueNanos) throws IOException {
      index = requestIndex;
      due = dueNanos;
      ByteBuffer out = ByteBuffer.wrap(requests.apply(requestIndex));
      try {
        while (out.hasRemaining()) {
          // a request is far smaller than the socket's send buffer: this does not spin in practice
          channel.write(out);
        }
      } catch (IOException e) {
        failed();
      }
    }

    void readable() throws IOException {
      int n;
      try {
        n = channel.read(in);
      } catch (IOException e) {
        n = -1;
      }
      if (n < 0) {
        failed();
        return;
      }
      Response response = Response.parse(in);
      if (response == null) {
        return;
      }
      if (index < 0) {
        // nothing was asked on this connection: an answer to nothing is the server's error, not a latency
        in.clear();
        errors++;
        return;
      }
      in.clear();
      long micros = Math.max(0, (System.nanoTime() - due) / 1000);
      latency.recordValue(micros);
      int second = (int) Math.min(worstBySecond.length - 1, Math.max(0, (due - start) / 1_000_000_000L));
      worstBySecond[second] = Math.max(worstBySecond[second], micros);
      answered++;
      int status = response.status();
      if (status / 100 == 2) {
        ok++;
      } else if (status == 409) {
        conflicts++;
      } else {
        errors++;
      }
      index = -1;
      if (response.close()) {
        // the server closes a keep-alive connection after so many requests (Tomcat: 100 by default)
        retire();
        return;
      }
      nextOrIdle(this);
    }

    private void failed() throws IOException {
      if (index >= 0) {
        answered++;
        errors++;
        index = -1;
      }
      retire();
    }

    private void retire() throws IOException {
      // an idle connection the server closed must not be handed a request later
      idle.remove(this);
      SelectionKey key = channel.keyFor(selector);
      if (key != null) {
        key.cancel();
      }
      channel.close();
      nextOrIdle(open());
    }
  }

  private void nextOrIdle(Connection connection) throws IOException {
    long[] waiting = backlog.poll();
    if (waiting == null) {
      idle.push(connection);
    } else {
      connection.send(waiting[0], waiting[1]);
    }
  }

  /** A complete response's status and whether the server closes the connection after it. */
  private record Response(int status, boolean close) {

    /** The response in {@code buffer} (position at its end) if it is complete, else null. */
    static Response parse(ByteBuffer buffer) {
      String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
      int headEnd = text.indexOf("\r\n\r\n");
      if (headEnd < 0) {
        return null;
      }
      String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
      int status = Integer.parseInt(head.substring(9, 12));
      boolean close = head.contains("\r\nconnection: close");
      int lengthAt = head.indexOf("\r\ncontent-length:");
      int bodyStart = headEnd + 4;
      if (lengthAt >= 0) {
        int lineEnd = head.indexOf("\r\n", lengthAt + 2);
        long length = Long.parseLong(head.substring(lengthAt + 17, lineEnd < 0 ? head.length() : lineEnd).trim());
        return text.length() - bodyStart >= length ? new Response(status, close) : null;
      }
      if (head.contains("\r\ntransfer-encoding: chunked")) {
        return text.indexOf("\r\n0\r\n\r\n", bodyStart - 2) >= 0 ? new Response(status, close) : null;
      }
      return new Response(status, close);
    }
  }

  /** A POST with a JSON body and a bearer token, as raw bytes. */
  static byte[] postJson(String path, String token, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
    byte[] request = new byte[headBytes.length + body.length];
    System.arraycopy(headBytes, 0, request, 0, headBytes.length);
    System.arraycopy(body, 0, request, headBytes.length, body.length);
    return request;
  }
}
