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
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * subscriber leaves. Writing one message to a thousand sockets takes milliseconds, so the
 * subscribers are split over a few threads (lanes).
 */
final class SharedSubscriptions {

  /** Where a run's messages go: one subscriber's operation on its connection. */
  interface Subscriber {
    void message(GraphQlWsMessage message);
  }

  /** What a run whose stream failed unexpectedly sends (the stream itself turns resolved errors into messages). */
  private static final GraphQlWsMessage FAILED = new GraphQlWsMessage("error", "[{\"message\":\"Subscription error\"}]");

  private static final int KNOWN_QUERIES = 1_000;

  private final Set<String> fields;
  private final int replayLimit;
  private final List<Executor> lanes;
  private final Map<Map<String, Object>, Run> running = new ConcurrentHashMap<>();
  private final Map<String, Boolean> shareableQueries = new ConcurrentHashMap<>();

  /**
   * @param lanes how many threads write a message to a run's subscribers: the run's own (its
   *     stream's) and {@code lanes - 1} helpers, each subscriber always by the same one
   */
  SharedSubscriptions(Set<String> fields, int replayLimit, int lanes) {
    this.fields = Set.copyOf(fields);
    this.replayLimit = replayLimit;
    List<Executor> threads = new ArrayList<>();
    threads.add(Runnable::run);
    for (int i = 1; i < lanes; i++) {
      threads.add(Executors.newSingleThreadExecutor(Thread.ofPlatform().name("graphql-fan-out-" + i).daemon().factory()));
    }
    this.lanes = List.copyOf(threads);
  }

  /** Whether the request is a subscription whose only root field is shared. */
  boolean shareable(Map<String, Object> payload) {
    if (fields.isEmpty() || !(payload.get("query") instanceof String query) || query.length() > 10_000) {
      return false;
    }
    String operationName = payload.get("operationName") instanceof String name ? name : null;
    String key = operationName + "\n" + query;
    Boolean known = shareableQueries.get(key);
    if (known != null) {
      return known;
    }
    boolean shareable = onlySharedFields(query, operationName);
    // clients send a few documents over and over; a flood of distinct ones is answered without being remembered
    if (shareableQueries.size() < KNOWN_QUERIES) {
      shareableQueries.put(key, shareable);
    }
    return shareable;
  }

  /** Stops the helper lanes' threads. */
  void shutdown() {
    lanes.stream().filter(ExecutorService.class::isInstance).map(ExecutorService.class::cast).forEach(ExecutorService::shutdownNow);
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

  /** A subscriber of a run, written to by the lane it was given when it joined. */
  private record Member(Subscriber subscriber, int lane) {}

  private static void deliver(List<Member> receivers, int lane, GraphQlWsMessage message) {
    for (Member member : receivers) {
      if (member.lane() == lane) {
        member.subscriber().message(message);
      }
    }
  }

  private final class Run {
    private final Map<String, Object> key;
    /** Guarded by this. */
    private final List<GraphQlWsMessage> sent = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private int joined;
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
      members.add(new Member(subscriber, joined++ % lanes.size()));
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
      List<Member> receivers;
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
        receivers = List.copyOf(members);
      }
      // a member stays in its lane, and a lane writes in order: each subscriber gets the messages in order
      for (int lane = 1; lane < lanes.size(); lane++) {
        int mine = lane;
        lanes.get(lane).execute(() -> deliver(receivers, mine, message));
      }
      deliver(receivers, 0, message);
    }

    void remove(Subscriber subscriber) {
      Disposable stop = null;
      synchronized (this) {
        members.removeIf(m -> m.subscriber() == subscriber);
        if (members.isEmpty() && !closed) {
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
