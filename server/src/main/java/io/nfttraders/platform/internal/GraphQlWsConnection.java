package io.nfttraders.platform.internal;

import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** One graphql-ws connection: its initialisation, its running operations by id, and its outbox. */
final class GraphQlWsConnection {

  private static final Logger log = LoggerFactory.getLogger(GraphQlWsConnection.class);

  private final WebSocketSession session;
  private final JsonMapper json;
  private final WebSocketOutbox outbox;
  private final Info info;
  private final AtomicReference<@Nullable Map<String, Object>> initPayload = new AtomicReference<>();
  private final Map<String, Operation> operations = new ConcurrentHashMap<>();
  private volatile boolean acknowledged;

  GraphQlWsConnection(WebSocketSession session, int outboxLimit, JsonMapper json) {
    this.session = session;
    this.json = json;
    this.info = new Info(session);
    Session socket = session instanceof NativeWebSocketSession standard ? standard.getNativeSession(Session.class) : null;
    if (socket == null) {
      throw new IllegalStateException("GraphQL over WebSocket needs a Jakarta WebSocket session, got " + session.getClass());
    }
    this.outbox = new WebSocketOutbox(socket.getAsyncRemote(), outboxLimit,
        why -> {
          log.info("GraphQL WebSocket too slow, closed sessionId={} reason={}", session.getId(), why);
          GraphQlWsEndpoint.close(session, CloseStatus.POLICY_VIOLATION.withReason("too slow: messages were not read"));
        },
        e -> {
          log.debug("GraphQL WebSocket write failed sessionId={}", session.getId(), e);
          GraphQlWsEndpoint.close(session, CloseStatus.SERVER_ERROR);
        });
  }

  WebSocketSession session() {
    return session;
  }

  WebSocketSessionInfo info() {
    return info;
  }

  /** True for the first initialisation only (a timeout counts as one). */
  boolean initialise(Map<String, Object> payload) {
    return initPayload.compareAndSet(null, payload);
  }

  @Nullable Map<String, Object> initPayload() {
    return initPayload.get();
  }

  void acknowledged() {
    acknowledged = true;
  }

  boolean isAcknowledged() {
    return acknowledged;
  }

  /** A message that belongs to no operation (connection_ack, pong). */
  void send(Map<String, Object> message) {
    outbox.send(json.writeValueAsString(message));
  }

  /** A new operation under {@code id}, or null if one with that id is running. */
  @Nullable Operation start(String id) {
    Operation operation = new Operation(id, json.writeValueAsString(id));
    return operations.putIfAbsent(id, operation) == null ? operation : null;
  }

  /** Stops the operation the client completed; false if there was none. */
  boolean cancel(String id) {
    Operation operation = operations.remove(id);
    if (operation == null) {
      return false;
    }
    operation.stop();
    return true;
  }

  void dispose() {
    outbox.close();
    operations.values().forEach(Operation::stop);
    operations.clear();
  }

  /** A running operation: its messages are written as they come, and it leaves the connection after its last. */
  final class Operation implements SharedSubscriptions.Subscriber {

    private final String id;
    private final String idJson;
    /** Guarded by this. */
    private @Nullable Runnable stop;
    private boolean stopped;

    Operation(String id, String idJson) {
      this.id = id;
      this.idJson = idJson;
    }

    @Override
    public void message(GraphQlWsMessage message) {
      outbox.send(message.frame(idJson));
      if (message.last()) {
        operations.remove(id, this);
      }
    }

    /** How to stop the operation's stream; run at once if the client stopped it already. */
    void onStop(Runnable action) {
      synchronized (this) {
        if (!stopped) {
          stop = action;
          return;
        }
      }
      action.run();
    }

    void stop() {
      Runnable action;
      synchronized (this) {
        stopped = true;
        action = stop;
        stop = null;
      }
      if (action != null) {
        action.run();
      }
    }
  }

  private record Info(WebSocketSession session) implements WebSocketSessionInfo {

    @Override
    public String getId() {
      return session.getId();
    }

    @Override
    public Map<String, Object> getAttributes() {
      return session.getAttributes();
    }

    @Override
    public URI getUri() {
      return Objects.requireNonNull(session.getUri(), "the handshake's URI");
    }

    @Override
    public HttpHeaders getHeaders() {
      return session.getHandshakeHeaders();
    }

    @Override
    public Mono<Principal> getPrincipal() {
      return Mono.justOrEmpty(session.getPrincipal());
    }

    @Override
    public @Nullable InetSocketAddress getRemoteAddress() {
      return session.getRemoteAddress();
    }
  }
}
