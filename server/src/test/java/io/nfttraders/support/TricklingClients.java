package io.nfttraders.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Connections that send a request one byte a second (a "slowloris" client), each on its own
 * socket: its headers, or its headers at once and then its body. Each records what the server
 * answered and when it closed the connection.
 */
public final class TricklingClients implements AutoCloseable {

  /** What one connection got: the server's whole answer, and how long after the first byte the connection ended. */
  public record Outcome(String answer, Duration closedAfter) {}

  private final List<Socket> sockets = new ArrayList<>();
  private final List<CompletableFuture<Outcome>> outcomes = new ArrayList<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
  private final long started = System.nanoTime();

  private TricklingClients(int port, int connections, byte[] sentAtOnce, byte[] trickled) throws IOException {
    List<OutputStream> outs = new ArrayList<>();
    for (int i = 0; i < connections; i++) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      sockets.add(socket);
      OutputStream out = socket.getOutputStream();
      out.write(sentAtOnce);
      out.flush();
      outs.add(out);
      InputStream in = socket.getInputStream();
      outcomes.add(CompletableFuture.supplyAsync(() -> readAll(in), readers));
    }
    int[] sent = {0};
    ticker.scheduleAtFixedRate(() -> {
      if (sent[0] < trickled.length) {
        for (OutputStream out : outs) {
          try {
            out.write(trickled[sent[0]]);
            out.flush();
          } catch (IOException closedByTheServer) {
            // expected once the server gives up on this connection
          }
        }
        sent[0]++;
      }
    }, 0, 1, TimeUnit.SECONDS);
  }

  /** POSTs of {@code json} to {@code path}, headers at once, the body a byte a second. */
  public static TricklingClients bodies(int port, int connections, String path, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length + "\r\n\r\n";
    return new TricklingClients(port, connections, head.getBytes(StandardCharsets.US_ASCII), body);
  }

  /**
   * Chunked POSTs of JSON to {@code path} whose framing trickles: a chunk's size line (its
   * extension) or the trailer after the last chunk, a byte a second.
   */
  public static TricklingClients chunkFraming(int port, int connections, String path, boolean trailer) throws IOException {
    String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
        + (trailer ? "2\r\n{}\r\n0\r\nX-" : "2;");
    return new TricklingClients(port, connections, head.getBytes(StandardCharsets.US_ASCII), "a".repeat(200).getBytes(StandardCharsets.US_ASCII));
  }

  /** GETs whose request line and headers come a byte a second. */
  public static TricklingClients headers(int port, int connections) throws IOException {
    String request = "GET /actuator/health HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Slow: " + "z".repeat(200) + "\r\n\r\n";
    byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
    return new TricklingClients(port, connections, new byte[] {bytes[0]}, java.util.Arrays.copyOfRange(bytes, 1, bytes.length));
  }

  public Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** Every connection's outcome, once the server has closed them all; fails if one is still open after {@code atMost}. */
  public List<Outcome> awaitAll(Duration atMost) throws Exception {
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).get(atMost.toMillis(), TimeUnit.MILLISECONDS);
    return outcomes.stream().map(CompletableFuture::join).toList();
  }

  private Outcome readAll(InputStream in) {
    try {
      byte[] answer = in.readAllBytes();
      return new Outcome(new String(answer, StandardCharsets.UTF_8), elapsed());
    } catch (IOException e) {
      // a reset instead of a close: the answer, if any, is lost
      return new Outcome("(connection reset: " + e.getMessage() + ")", elapsed());
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    for (Socket socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    readers.shutdownNow();
  }
}
