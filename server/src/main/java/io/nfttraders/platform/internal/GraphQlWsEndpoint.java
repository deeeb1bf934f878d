package io.nfttraders.platform.internal;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graphql-ws protocol (graphql-transport-ws) in place of Spring GraphQL's handler, which gives
 * every connection a thread of its own and sends each message from it with a blocking write: with
 * a thousand subscribers, each auction event woke a thousand threads. Here a subscription's
 * messages are encoded on the thread that produced them and written without blocking through the
 * connection's {@link WebSocketOutbox}, in order. A connection that falls more than
 * {@code outboxLimit} messages behind is closed; subscribers resume where they left off by
 * reconnecting (the auction events subscription takes the last sequence number seen). Identical
 * subscriptions to a shared field run once for all their subscribers ({@link SharedSubscriptions}).
 */
final class GraphQlWsEndpoint extends GraphQlWebSocketHandler implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(GraphQlWsEndpoint.class);
  private static final TypeReference<Map<String, Object>> MESSAGE = new TypeReference<>() {};
  static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");
  /** A subscribe before the connection was acknowledged. */
  static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");
  /** A connection_init refused (its access token): what the protocol asks a server that rejects a connection to answer. */
  static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Forbidden");
  static final CloseStatus INIT_TIMEOUT = new CloseStatus(4408, "Connection initialisation timeout");
  static final CloseStatus TOO_MANY_INITS = new CloseStatus(4429, "Too many initialisation requests");

  private final WebGraphQlHandler graphQl;
  private final WebSocketGraphQlInterceptor interceptor;
  private final Duration initTimeout;
  private final int outboxLimit;
  private final SharedSubscriptions shared;
  /** Results keep their null fields: a selected field that is null must be in the answer. */
  private final JsonMapper json = JsonMapper.builder().build();
  private final Map<String, GraphQlWsConnection> connections = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("graphql-ws-timer").daemon()
      .factory());

  GraphQlWsEndpoint(WebGraphQlHandler graphQl, Duration initTimeout, int outboxLimit, SharedSubscriptions shared) {
    super(graphQl, new JacksonJsonHttpMessageConverter(JsonMapper.builder().build()), initTimeout);
    this.graphQl = graphQl;
    this.shared = shared;
    this.interceptor = graphQl.getWebSocketInterceptor();
    this.initTimeout = initTimeout;
    this.outboxLimit = outboxLimit;
  }

  @Override
  public void afterConnectionEstablished(WebSocketSession session) {
    if ("graphql-ws".equalsIgnoreCase(session.getAcceptedProtocol())) {
      // the retired subscriptions-transport-ws protocol shares the name; only graphql-transport-ws is spoken
      close(session, INVALID_MESSAGE);
      return;
    }
    GraphQlWsConnection connection = new GraphQlWsConnection(session, outboxLimit, json);
    connections.put(session.getId(), connection);
    timers.schedule(() -> {
      if (connection.initialise(Map.of())) {
        close(session, INIT_TIMEOUT);
      }
    }, initTimeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  protected void handleTextMessage(WebSocketSession session, TextMessage message) {
    GraphQlWsConnection connection = connections.get(session.getId());
    if (connection == null) {
      return;
    }
    Map<String, Object> received;
    try {
      received = json.readValue(message.getPayload(), MESSAGE);
    } catch (JacksonException e) {
      close(session, INVALID_MESSAGE);
      return;
    }
    String id = received.get("id") instanceof String s ? s : null;
    @SuppressWarnings("unchecked")
    Map<String, Object> payload = received.get("payload") instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    switch (received.get("type") instanceof String type ? type : "") {
      case "connection_init" -> initialise(connection, payload == null ? Map.of() : payload);
      case "subscribe" -> subscribe(connection, id, payload);
      case "complete" -> {
        if (id != null && connection.cancel(id)) {
          interceptor.handleCancelledSubscription(connection.info(), id).block(Duration.ofSeconds(10));
        }
      }
      case "ping" -> connection.send(Map.of("type", "pong"));
      case "pong" -> { }
      default -> close(session, INVALID_MESSAGE);
    }
  }

  private void initialise(GraphQlWsConnection connection, Map<String, Object> payload) {
    if (!connection.initialise(payload)) {
      close(connection.session(), TOO_MANY_INITS);
      return;
    }
    Object ack;
    try {
      ack = interceptor.handleConnectionInitialization(connection.info(), payload).block(Duration.ofSeconds(10));
    } catch (RuntimeException e) {
      close(connection.session(), FORBIDDEN);
      return;
    }
    Map<String, Object> message = new LinkedHashMap<>();
    message.put("type", "connection_ack");
    if (ack instanceof Map<?, ?> map && !map.isEmpty()) {
      message.put("payload", map);
    }
    connection.acknowledged();
    connection.send(message);
  }

  private void subscribe(GraphQlWsConnection connection, @Nullable String id, @Nullable Map<String, Object> payload) {
    WebSocketSession session = connection.session();
    if (!connection.isAcknowledged()) {
      close(session, UNAUTHORIZED);
      return;
    }
    if (id == null || payload == null) {
      close(session, INVALID_MESSAGE);
      return;
    }
    GraphQlWsConnection.Operation operation = connection.start(id);
    if (operation == null) {
      close(session, new CloseStatus(4409, "Subscriber for " + id + " already exists"));
      return;
    }
    WebSocketGraphQlRequest request = new WebSocketGraphQlRequest(session.getUri(), session.getHandshakeHeaders(), null, session.getRemoteAddress(),
        session.getAttributes(), payload, id, null, connection.info());
    Supplier<Flux<GraphQlWsMessage>> execute = () -> graphQl.handleRequest(request).flatMapMany(response -> messages(id, response));
    if (shared.shareable(payload)) {
      operation.onStop(shared.join(payload, operation, execute));
    } else {
      operation.onStop(execute.get().subscribe(operation::message)::dispose);
    }
  }

  /** The operation's messages, encoded: its results as {@code next}, then {@code complete}; or {@code error} if its stream fails. */
  @SuppressWarnings("unchecked")
  private Flux<GraphQlWsMessage> messages(String id, WebGraphQlResponse response) {
    Flux<Map<String, Object>> results = response.getData() instanceof Publisher<?> stream
        ? Flux.from((Publisher<ExecutionResult>) stream).map(ExecutionResult::toSpecification)
        : Flux.just(response.toMap());
    return results.map(result -> new GraphQlWsMessage("next", json.writeValueAsString(result)))
        .concatWith(Mono.just(GraphQlWsMessage.COMPLETE))
        .onErrorResume(e -> Mono.fromCallable(() -> new GraphQlWsMessage("error", json.writeValueAsString(errors(id, e)))));
  }

  private static List<Map<String, Object>> errors(String id, Throwable e) {
    if (e instanceof SubscriptionPublisherException failed) {
      return failed.getErrors().stream().map(GraphQLError::toSpecification).toList();
    }
    log.error("subscription failed without a resolved error subscriptionId={}", id, e);
    return List.of(GraphqlErrorBuilder.newError().message("Subscription error").errorType(ErrorType.INTERNAL_ERROR).build().toSpecification());
  }

  @Override
  public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
    GraphQlWsConnection connection = connections.remove(session.getId());
    if (connection != null) {
      connection.dispose();
      Map<String, Object> init = connection.initPayload();
      if (init != null) {
        interceptor.handleConnectionClosed(connection.info(), status.getCode(), init);
      }
    }
  }

  @Override
  public void destroy() {
    timers.shutdownNow();
    shared.shutdown();
  }

  static void close(WebSocketSession session, CloseStatus status) {
    try {
      session.close(status);
    } catch (IOException e) {
      log.debug("closing a GraphQL WebSocket failed sessionId={} status={}", session.getId(), status, e);
    }
  }
}
