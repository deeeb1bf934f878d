package io.nfttraders.platform.internal;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A WebSocket connection's outgoing text messages, written in the order given without blocking
 * the thread that gives them: one write is in flight at a time, and whoever finishes one starts the
 * next. A connection whose reader falls more than {@code limit} messages behind is given up
 * ({@code overflow}), so one slow client never holds up the others or fills the heap.
 */
final class WebSocketOutbox {

  /** Set while a thread is in {@link #drain}: a write that completes inside it is continued by that loop, not by recursion. */
  private static final ThreadLocal<WebSocketOutbox> DRAINING = new ThreadLocal<>();

  private final RemoteEndpoint.Async remote;
  private final int limit;
  private final Consumer<String> overflow;
  private final Consumer<Throwable> failed;
  private final Queue<String> queue = new ConcurrentLinkedQueue<>();
  private final AtomicInteger queued = new AtomicInteger();
  private final AtomicBoolean writing = new AtomicBoolean();
  private volatile boolean closed;

  /**
   * @param overflow told (once) when more than {@code limit} messages wait
   * @param failed told (once) when a write fails
   */
  WebSocketOutbox(RemoteEndpoint.Async remote, int limit, Consumer<String> overflow, Consumer<Throwable> failed) {
    this.remote = remote;
    this.limit = limit;
    this.overflow = overflow;
    this.failed = failed;
  }

  void send(String text) {
    if (closed) {
      return;
    }
    if (queued.incrementAndGet() > limit) {
      close();
      overflow.accept("more than " + limit + " messages were waiting for this connection's reader");
      return;
    }
    queue.add(text);
    drain();
  }

  /** Nothing more is written; what waits is dropped. */
  void close() {
    closed = true;
    queue.clear();
  }

  private void drain() {
    WebSocketOutbox outer = DRAINING.get();
    DRAINING.set(this);
    try {
      while (!closed && !queue.isEmpty() && writing.compareAndSet(false, true)) {
        String next = queue.poll();
        if (next == null) {
          writing.set(false);
          continue;
        }
        queued.decrementAndGet();
        write(next);
      }
    } finally {
      DRAINING.set(outer);
    }
  }

  private void write(String text) {
    try {
      remote.sendText(text, this::written);
    } catch (RuntimeException e) {
      written(new SendResult(e));
    }
  }

  private void written(SendResult result) {
    if (!result.isOK()) {
      if (!closed) {
        close();
        failed.accept(result.getException());
      }
      return;
    }
    writing.set(false);
    if (DRAINING.get() != this) {
      // completed later, on another thread: that thread carries on with what waits
      drain();
    }
  }
}
