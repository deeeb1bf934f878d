package io.nfttraders.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** An HTTP server on 127.0.0.1 for the client's specs, which records every request it is sent. */
final class LocalHttpServer implements AutoCloseable {

  /** What a request brought: method, path, its X-Test header and body. */
  record Request(String method, String path, String contentType, String testHeader, String body) {}

  @FunctionalInterface
  interface Handler {
    void handle(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Request> received = new CopyOnWriteArrayList<>();

  LocalHttpServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(threads);
    server.start();
  }

  /** Answers requests under {@code path}; each request is recorded before it is handled. */
  LocalHttpServer on(String path, Handler handler) {
    server.createContext(path, exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")), String.valueOf(exchange.getRequestHeaders().getFirst("X-Test")),
            new String(body, StandardCharsets.UTF_8)));
        handler.handle(exchange);
      }
    });
    return this;
  }

  /** Answers {@code status} with a Location header, the way a redirect does. */
  static Handler redirect(int status, String location) {
    return exchange -> {
      exchange.getResponseHeaders().add("Location", location);
      exchange.sendResponseHeaders(status, -1);
    };
  }

  static Handler answer(int status, String contentType, byte[] body) {
    return exchange -> {
      exchange.getResponseHeaders().add("Content-Type", contentType);
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    };
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  List<Request> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
