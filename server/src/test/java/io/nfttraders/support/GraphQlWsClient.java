package io.nfttraders.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A minimal client of the graphql-ws protocol (subprotocol {@code graphql-transport-ws}) on the JDK's
 * WebSocket, independent of the server's GraphQL stack: connection_init, then subscribe, then the
 * server's next / error / complete messages in the order they arrive.
 */
public final class GraphQlWsClient implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
  private final WebSocket socket;

  private GraphQlWsClient(URI uri) {
    this.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
        .buildAsync(uri, new Listener()).join();
  }

  /** Connects and completes the protocol's handshake (connection_init, connection_ack). */
  public static GraphQlWsClient connect(int port) {
    return connect(port, Map.of());
  }

  /** With a connection_init payload (e.g. {@code {"accessToken": ...}}). */
  public static GraphQlWsClient connect(int port, Map<String, Object> initPayload) {
    GraphQlWsClient client = open(port);
    client.init(initPayload);
    JsonNode ack = client.next(Duration.ofSeconds(10));
    if (!"connection_ack".equals(ack.get("type").asString())) {
      throw new IllegalStateException("expected connection_ack, got " + ack);
    }
    return client;
  }

  /** The socket alone, before the protocol's handshake. */
  public static GraphQlWsClient open(int port) {
    return new GraphQlWsClient(URI.create("ws://127.0.0.1:" + port + "/graphql"));
  }

  public void init(Map<String, Object> payload) {
    send(Map.of("type", "connection_init", "payload", payload));
  }

  /** The close code the server closed the socket with; fails if it is still open after {@code timeout}. */
  public int closeCode(Duration timeout) {
    try {
      return closedWith.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the server did not close the socket within " + timeout, e);
    }
  }

  public void subscribe(String id, String query, Map<String, Object> variables) {
    send(Map.of("id", id, "type", "subscribe", "payload", Map.of("query", query, "variables", variables)));
  }

  /** The next message from the server; fails if none comes in time. */
  public JsonNode next(Duration timeout) {
    JsonNode message = poll(timeout);
    if (message == null) {
      throw new IllegalStateException("no message from the server within " + timeout);
    }
    return message;
  }

  public @Nullable JsonNode poll(Duration timeout) {
    try {
      return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void send(Object message) {
    socket.sendText(JSON.writeValueAsString(message), true).join();
  }

  @Override
  public void close() {
    if (socket.isOutputClosed()) {
      return;
    }
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    } catch (CompletionException e) {
      // the server's close can arrive between the check and ours; the JDK client then answers it itself
      if (!socket.isOutputClosed()) {
        throw e;
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closedWith.complete(statusCode);
      return null;
    }
  }
}
