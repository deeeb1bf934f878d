package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.ApiProblem;
import io.nfttraders.platform.ProblemResponses;
import io.nfttraders.platform.internal.RequestIdFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.apache.coyote.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One body being received without a thread: the container calls {@link #onDataAvailable()} as
 * bytes arrive, {@link SlowBodies} calls {@link #expireIfTooSlow} on its sweep. Whichever finishes
 * it first decides: the whole body dispatches the request again (now with its body,
 * {@link BodyIntake}), a body over its limit is a 413, a body arriving too slowly a 408, a
 * broken connection nothing at all.
 */
final class BodyReception implements ReadListener {

  private static final Logger log = LoggerFactory.getLogger(BodyReception.class);

  /** What is done with a body once it has fully arrived; it discards the body if it refuses it. */
  interface Completion {
    ReceivedBody receive(BodyBuffer body);
  }

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AsyncContext async;
  private final ServletInputStream in;
  private final BodyBuffer body;
  private final long maxBytes;
  private final Completion completion;
  private final long startedNanos = System.nanoTime();
  private boolean finished;

  BodyReception(HttpServletRequest request, HttpServletResponse response, AsyncContext async, BodyBuffer body, long maxBytes,
      Completion completion) throws IOException {
    this.request = request;
    this.response = response;
    this.async = async;
    this.in = request.getInputStream();
    this.body = body;
    this.maxBytes = maxBytes;
    this.completion = completion;
  }

  @Override
  public void onDataAvailable() throws IOException {
    synchronized (this) {
      if (finished) {
        return;
      }
      // per callback, not per request: thousands of slow requests must not each hold one
      byte[] chunk = new byte[8192];
      while (in.isReady()) {
        int n = in.read(chunk);
        if (n < 0) {
          return;
        }
        body.append(chunk, 0, n);
        if (body.size() > maxBytes) {
          finished = true;
          break;
        }
      }
      if (!finished) {
        return;
      }
    }
    refuse(new BodyProblems.TooLarge("The request body exceeds the " + maxBytes + " bytes this route takes"));
  }

  @Override
  public void onAllDataRead() {
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
    }
    ReceivedBody received;
    try {
      received = completion.receive(body);
    } catch (ApiProblem problem) {
      Refusals.refuse(request, response, ProblemResponses.detail(problem));
      return;
    } catch (RuntimeException e) {
      // our fault (the temporary file could not be read...); the body was discarded where it failed
      log.error("a received request body could not be taken method={} path={}", request.getMethod(), request.getRequestURI(), e);
      Refusals.refuse(request, response, ProblemResponses.internalError(String.valueOf(request.getAttribute(RequestIdFilter.ATTRIBUTE))));
      return;
    }
    request.setAttribute(BodyIntake.RECEIVED, received);
    // discarded when the request completes, whether or not its second dispatch gets to the intake
    async.addListener(new ReceivedBody.DiscardOnComplete(received));
    async.dispatch();
  }

  /**
   * The body could not be read: its framing is broken (a bad chunk), it ended before its length
   * (the client half-closed), or nothing came for the connection timeout. Each gets its answer in
   * case the client still reads; a connection that is gone takes none.
   */
  @Override
  public void onError(Throwable failure) {
    synchronized (this) {
      if (finished) {
        return;
      }
      finished = true;
    }
    // else the container would log it on its error page as our fault (500)
    request.removeAttribute(RequestDispatcher.ERROR_EXCEPTION);
    log.info("request body not received method={} path={} bytes={} reason={}", request.getMethod(), request.getRequestURI(), body.size(),
        failure.toString());
    if (failure instanceof BadRequestException) {
      refuse(new BodyProblems.MalformedBody());
    } else if (causedBy(failure, EOFException.class)) {
      refuse(new BodyProblems.CutShort(body.size()));
    } else if (causedBy(failure, SocketTimeoutException.class)) {
      refuse(new BodyProblems.TooSlow(body.size()));
    } else {
      body.close();
      async.complete();
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> kind) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (kind.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** Refuses the body with a 408 if it has arrived too slowly for its size so far; true if it did. */
  boolean expireIfTooSlow(HttpProperties limits) {
    synchronized (this) {
      if (finished || !limits.tooSlow(Duration.ofNanos(System.nanoTime() - startedNanos), body.size())) {
        return finished;
      }
      finished = true;
    }
    refuse(new BodyProblems.TooSlow(body.size()));
    return true;
  }

  private void refuse(ApiProblem problem) {
    body.close();
    Refusals.refuse(request, response, ProblemResponses.detail(problem));
  }
}
