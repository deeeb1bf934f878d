package io.nfttraders.metadata;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.nfttraders.support.TestImages;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A metadata server from the hostile internet, on 127.0.0.2 (the only address the specs let the
 * server read from): honest documents and an image, redirects into our network, a name that resolves
 * to loopback, an endless body, a trickle, broken and deeply nested JSON, script where text belongs.
 * Beside it, on 127.0.0.1, a service inside our network that must never be reached.
 */
final class HostileMetadataServer implements AutoCloseable {

  static final byte[] ART = TestImages.png(21);
  private static final long ONE_GIGABYTE = 1L << 30;

  private final HttpServer server;
  private final HttpServer inside;
  final AtomicInteger insideHits = new AtomicInteger();
  final AtomicLong hugeBytesSent = new AtomicLong();

  HostileMetadataServer() throws IOException {
    inside = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    inside.createContext("/", exchange -> {
      insideHits.incrementAndGet();
      answer(exchange, 200, "application/json", "{\"name\":\"a secret from inside\"}");
    });
    inside.start();
    server = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
    // every exchange on a thread of its own: a trickle must not hold up the others
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::route);
    server.start();
  }

  /** A URL of this server. */
  String url(String path) {
    return "http://127.0.0.2:" + server.getAddress().getPort() + path;
  }

  private void route(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    int insidePort = inside.getAddress().getPort();
    switch (path) {
      case "/calm.json" -> answer(exchange, 200, "application/json", """
          {"name": "Calm <b>Harbour</b>", "description": "Boats at rest.", "image": "%s",
           "attributes": [{"trait_type": "Mood", "value": "calm"}, {"trait_type": "Boats", "value": 3}]}""".formatted(url("/art.png")));
      case "/stormy.json" -> answer(exchange, 200, "application/json", "{\"name\": \"Stormy Harbour\"}");
      case "/art.png" -> answer(exchange, 200, "image/png", ART);
      case "/to-inside" -> redirect(exchange, "http://127.0.0.1:" + insidePort + "/secret");
      case "/to-metadata-service" -> redirect(exchange, "http://169.254.169.254/latest/meta-data/iam/security-credentials/");
      case "/to-localhost" -> redirect(exchange, "http://localhost:" + insidePort + "/secret");
      case "/huge" -> endless(exchange);
      case "/trickle" -> trickle(exchange);
      case "/invalid" -> answer(exchange, 200, "application/json", "{\"name\": \"broken");
      case "/deep" -> answer(exchange, 200, "application/json", "[".repeat(100_000) + "]".repeat(100_000));
      case "/script" -> answer(exchange, 200, "application/json",
          "{\"name\": \"<img src=x onerror=alert(1)>\", \"image\": \"javascript:alert(document.cookie)\"}");
      default -> {
        if (path.startsWith("/editions/") && path.endsWith(".json")) {
          answer(exchange, 200, "application/json", "{\"name\": \"Edition " + path.substring("/editions/".length(), path.length() - 5) + "\"}");
        } else {
          answer(exchange, 404, "text/plain", "no such thing");
        }
      }
    }
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
    exchange.close();
  }

  /** 1 GB of JSON whitespace, written until the reader hangs up. */
  private void endless(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    byte[] chunk = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
    try (OutputStream out = exchange.getResponseBody()) {
      for (long sent = 0; sent < ONE_GIGABYTE; sent += chunk.length) {
        out.write(chunk);
        hugeBytesSent.addAndGet(chunk.length);
      }
    } catch (IOException hungUp) {
      // what a limited reader does
    }
  }

  /** One byte a second, for two minutes: never silent long enough for a read timeout. */
  private static void trickle(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (int i = 0; i < 120; i++) {
        out.write(' ');
        out.flush();
        Thread.sleep(1_000);
      }
    } catch (IOException | InterruptedException hungUp) {
      // the reader gave up, as it should
    }
  }

  private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
    answer(exchange, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }


  @Override
  public void close() {
    server.stop(0);
    inside.stop(0);
  }
}
