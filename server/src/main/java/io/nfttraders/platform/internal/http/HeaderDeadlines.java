package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.WorkerLoop;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.SocketWrapperBase;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Closes connections whose request line and headers have not arrived within
 * {@code nft.http.header-timeout} of their first byte, answering 408. Headers are parsed without a
 * thread while they arrive, so a slow client costs no thread, but it would keep its connection, and
 * enough of them would exhaust the connection limit.
 *
 * <p>A connection is only touched under its socket's lock, which Tomcat holds whenever a thread
 * works on it: a connection found locked is busy, not stalled, and is looked at again next sweep.
 */
@Component
class HeaderDeadlines implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(HeaderDeadlines.class);
  private static final byte[] TIMEOUT = answer();

  private final long timeoutNanos;
  private volatile @Nullable DeadlineNioProtocol protocol;
  private final WorkerLoop sweeper = new WorkerLoop("header-deadlines", this::sweep, Duration.ofMillis(500));

  HeaderDeadlines(HttpProperties properties) {
    this.timeoutNanos = properties.headerTimeout().toNanos();
  }

  /** Called for the server's connector as it is created. */
  void watch(DeadlineNioProtocol connector) {
    this.protocol = connector;
  }

  /** Always 0: a sweep has nothing to do until the next. */
  private int sweep() {
    DeadlineNioProtocol connector = protocol;
    if (connector == null) {
      return 0;
    }
    long now = System.nanoTime();
    for (SocketWrapperBase<?> connection : connector.connections()) {
      if (overdue(connection, now)) {
        expire(connection, now);
      }
    }
    return 0;
  }

  /**
   * Tomcat keeps a processor with a connection between requests only while a request has begun but
   * its line and headers have not all arrived, or while it is asynchronous (a body being received,
   * an answer pending): a synchronous one left there is a request still arriving.
   */
  private boolean overdue(SocketWrapperBase<?> connection, long now) {
    if (!(connection.getCurrentProcessor() instanceof Http11Processor processor) || processor.isAsync()) {
      return false;
    }
    long started = processor.getRequest().getStartTimeNanos();
    return started != -1 && now - started > timeoutNanos;
  }

  private void expire(SocketWrapperBase<?> connection, long now) {
    ReentrantLock lock = connection.getLock();
    if (!lock.tryLock()) {
      return;
    }
    try {
      if (overdue(connection, now) && !connection.isClosed()) {
        log.info("request headers too slow, connection closed remote={}", connection.getRemoteAddr());
        answerAndClose(connection);
      }
    } finally {
      lock.unlock();
    }
  }

  private static void answerAndClose(SocketWrapperBase<?> connection) {
    try {
      connection.write(false, TIMEOUT, 0, TIMEOUT.length);
      connection.flush(false);
    } catch (IOException e) {
      log.debug("the 408 for slow headers was not delivered: {}", e.toString());
    } finally {
      connection.close();
    }
  }

  private static byte[] answer() {
    String body = """
        {"type":"https://nfttraders.io/problems/request-timeout","title":"Request timeout","status":408,\
        "detail":"The request line and headers arrived too slowly"}""";
    return ("HTTP/1.1 408 Request Timeout\r\nContent-Type: application/problem+json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8);
  }

  /** Stopped after the web server (a later phase stops first): slow headers are still cut off while it drains its requests. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }

  @Override
  public void start() {
    sweeper.start();
  }

  @Override
  public void stop() {
    sweeper.stop(Duration.ofSeconds(1));
  }

  @Override
  public boolean isRunning() {
    return sweeper.isRunning();
  }
}
