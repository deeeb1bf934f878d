package io.nfttraders.platform.internal;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * Identical subscriptions to a {@link io.nfttraders.platform.SharedSubscriptionField} run once:
 * the first subscriber's operation is executed, and each of its messages is encoded once and
 * written to every subscriber with the same request (document, variables, operation name). A
 * subscriber who joins later is first given everything the run has sent so far, so it receives
 * exactly what an execution of its own would have sent. A run stops taking subscribers once it
 * has sent {@code replayLimit} messages (a later one starts a new run), and stops when its last
 * subscriber leaves.
 */
final class SharedSubscriptions {

  /** Where a run's messages go: one subscriber's operation on its connection. */
  interface Subscriber {
    void message(GraphQlWsMessage message);
  }

  /** What a run whose stream failed unexpectedly sends (the stream itself turns resolved errors into messages). */
  private static final GraphQlWsMessage FAILED = new GraphQlWsMessage("error", "[{\"message\":\"Subscription error\"}]");

  private final Set<String> fields;
  private final int replayLimit;
  private final Map<Map<String, Object>, Run> running = new ConcurrentHashMap<>();
  private final Map<String, Boolean> shareableQueries = new ConcurrentHashMap<>();

  SharedSubscriptions(Set<String> fields, int replayLimit) {
    this.fields = Set.copyOf(fields);
    this.replayLimit = replayLimit;
  }

  /** Whether the request is a subscription whose only root field is shared. */
  boolean shareable(Map<String, Object> payload) {
    if (fields.isEmpty() || !(payload.get("query") instanceof String query) || query.length() > 10_000) {
      return false;
    }
    String operationName = payload.get("operationName") instanceof String name ? name : null;
    return shareableQueries.computeIfAbsent(operationName + "\n" + query, k -> onlySharedFields(query, operationName));
  }

  private boolean onlySharedFields(String query, @Nullable String operationName) {
    Document document;
    try {
      document = Parser.parse(query);
    } catch (InvalidSyntaxException e) {
      return false;
    }
    List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(o -> operationName == null || operationName.equals(o.getName()))
        .toList();
    if (operations.size() != 1 || operations.getFirst().getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
      return false;
    }
    var selections = operations.getFirst().getSelectionSet().getSelections();
    return selections.size() == 1 && selections.getFirst() instanceof Field field && fields.contains(field.getName()) && field.getAlias() == null;
  }

  /**
   * Adds the subscriber to the run of this request, starting one with {@code execute} if none
   * takes subscribers. Returns how to leave it.
   *
   * @param execute the operation's messages, ending with complete or error
   */
  Runnable join(Map<String, Object> payload, Subscriber subscriber, Supplier<Flux<GraphQlWsMessage>> execute) {
    while (true) {
      Run run = running.computeIfAbsent(payload, p -> new Run(p));
      if (run.add(subscriber)) {
        run.startOnce(execute);
        return () -> run.remove(subscriber);
      }
      running.remove(payload, run);
    }
  }

  private final class Run {
    private final Map<String, Object> key;
    /** Guarded by this. */
    private final List<GraphQlWsMessage> sent = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private boolean closed;
    private boolean started;
    private @Nullable Disposable upstream;

    Run(Map<String, Object> key) {
      this.key = key;
    }

    /** False if the run takes no more subscribers. */
    synchronized boolean add(Subscriber subscriber) {
      if (closed || sent.size() >= replayLimit) {
        return false;
      }
      // what was sent so far goes out before anything later, since later messages are sent under this lock's order
      sent.forEach(subscriber::message);
      subscribers.add(subscriber);
      return true;
    }

    void startOnce(Supplier<Flux<GraphQlWsMessage>> execute) {
      synchronized (this) {
        if (started) {
          return;
        }
        started = true;
      }
      Disposable subscription = execute.get().subscribe(this::send, e -> send(FAILED));
      synchronized (this) {
        if (closed) {
          subscription.dispose();
        } else {
          upstream = subscription;
        }
      }
    }

    private void send(GraphQlWsMessage message) {
      List<Subscriber> receivers;
      synchronized (this) {
        if (closed) {
          return;
        }
        if (sent.size() < replayLimit) {
          sent.add(message);
        } else {
          running.remove(key, this);
        }
        if (message.last()) {
          closed = true;
          running.remove(key, this);
        }
        receivers = List.copyOf(subscribers);
      }
      receivers.forEach(s -> s.message(message));
    }

    void remove(Subscriber subscriber) {
      Disposable stop = null;
      synchronized (this) {
        subscribers.remove(subscriber);
        if (subscribers.isEmpty() && !closed) {
          closed = true;
          running.remove(key, this);
          stop = upstream;
        }
      }
      if (stop != null) {
        stop.dispose();
      }
    }

    @Override
    public String toString() {
      return "shared subscription run of " + Objects.toString(key.get("operationName"), "an operation");
    }
  }
}
