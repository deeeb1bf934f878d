package io.nfttraders.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Open-loop HTTP load at a fixed rate: request {@code i} is due at {@code start + i / rate}
 * whether or not earlier ones were answered, and its latency is measured from when it was due,
 * not from when a connection got round to sending it. So a stalled server is charged for every
 * request it kept waiting (no coordinated omission). Requests go out over a pool of keep-alive
 * HTTP/1.1 connections on plain sockets, one virtual thread each: a client far lighter than the
 * JDK's HttpClient, which took a third of the machine at a few thousand requests a second.
 */
final class OpenLoop {

  /** Latencies in microseconds from each request's due time to the end of its answer. */
  record Result(int rate, long sent, long ok, long conflicts, long errors, double seconds, Histogram latency) {}

  /** A request's bytes (a complete HTTP/1.1 request) for request number {@code i}. */
  interface Requests extends LongFunction<byte[]> {}

  private record Due(long index, long dueNanos) {}

  private OpenLoop() {}

  static Result run(int port, int rate, int seconds, int connections, Requests requests) throws InterruptedException {
    long total = (long) rate * seconds;
    BlockingQueue<Due> queue = new ArrayBlockingQueue<>((int) Math.min(total, 1_000_000));
    Recorder recorder = new Recorder(600_000_000L, 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong conflicts = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      workers.add(Thread.ofVirtual().start(() -> work(port, queue, requests, recorder, ok, conflicts, errors)));
    }
    long start = System.nanoTime() + 10_000_000L;
    double interval = 1e9 / rate;
    for (long i = 0; i < total; i++) {
      long due = start + (long) (i * interval);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      queue.put(new Due(i, due));
    }
    for (int c = 0; c < connections; c++) {
      queue.put(new Due(-1, 0));
    }
    for (Thread w : workers) {
      w.join(TimeUnit.SECONDS.toMillis(60));
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return new Result(rate, total, ok.get(), conflicts.get(), errors.get(), elapsed, recorder.getIntervalHistogram());
  }

  private static void work(int port, BlockingQueue<Due> queue, Requests requests, Recorder recorder, AtomicLong ok, AtomicLong conflicts,
      AtomicLong errors) {
    Socket socket = null;
    InputStream in = null;
    try {
      while (true) {
        Due due = queue.take();
        if (due.index() < 0) {
          return;
        }
        try {
          if (socket == null) {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
          }
          OutputStream out = socket.getOutputStream();
          out.write(requests.apply(due.index()));
          out.flush();
          int response = readResponse(in);
          recorder.recordValue(Math.max(0, (System.nanoTime() - due.dueNanos()) / 1000));
          int status = Math.abs(response);
          (status / 100 == 2 ? ok : status == 409 ? conflicts : errors).incrementAndGet();
          if (response < 0) {
            // the server closes a keep-alive connection after so many requests (Tomcat: 100)
            closeQuietly(socket);
            socket = null;
          }
        } catch (IOException e) {
          errors.incrementAndGet();
          closeQuietly(socket);
          socket = null;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(socket);
    }
  }

  /** Reads one response (Content-Length or chunked) and returns its status, negated if the server closes the connection after it. */
  private static int readResponse(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.substring(9, 12));
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      String name = header.substring(0, colon).trim();
      if (name.equalsIgnoreCase("Content-Length")) {
        length = Long.parseLong(header.substring(colon + 1).trim());
      } else if (name.equalsIgnoreCase("Transfer-Encoding") && header.toLowerCase().contains("chunked")) {
        chunked = true;
      } else if (name.equalsIgnoreCase("Connection") && header.toLowerCase().contains("close")) {
        close = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line(in).trim(), 16); size > 0; size = Long.parseLong(line(in).trim(), 16)) {
        in.skipNBytes(size);
        line(in);
      }
      line(in);
    } else if (length > 0) {
      in.skipNBytes(length);
    }
    return close ? -status : status;
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // the connection is being dropped anyway
      }
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
