package io.nfttraders.auctions.internal;

import io.nfttraders.platform.ApiProblem;
import io.nfttraders.platform.ProblemResponses;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers bids without holding a request thread while they wait for their arrival window and,
 * accepted, for their event to be stored: the request goes asynchronous (a Servlet AsyncContext),
 * and once the bid is decided (a refusal) or its event stored (an acceptance) a container thread
 * writes the answer and completes it. Group commits pay off only with many bids in flight, and a blocking
 * wait would need a request thread for each; an MVC async result would re-dispatch every answer
 * through the whole filter chain. If storing takes longer than the durable timeout, the answer is
 * that the outcome is unknown (the event may still be stored; the auction's events will say).
 */
@Component
class BidAnswers {

  private static final Logger log = LoggerFactory.getLogger(BidAnswers.class);

  private final JsonMapper json;
  private final AuctionProperties properties;

  BidAnswers(JsonMapper json, AuctionProperties properties) {
    this.json = json;
    this.properties = properties;
  }

  /**
   * Answers the bid once it is decided and, if accepted, stored. A bid already decided and
   * refused (a zero arrival window) is answered on the request thread.
   */
  void answer(CompletableFuture<Bidding.Placed> placing, UUID auctionId, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (placing.isCompletedExceptionally() && cause(placing) instanceof ApiProblem problem) {
      ProblemResponses.write(response, problem);
      return;
    }
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(properties.durableTimeout().toMillis());
    AtomicBoolean answered = new AtomicBoolean();
    AtomicLong seq = new AtomicLong(-1);
    async.addListener(new AsyncListener() {
      @Override
      public void onTimeout(AsyncEvent event) throws IOException {
        if (answered.compareAndSet(false, true)) {
          log.warn("bid outcome unknown auctionId={} seq={}", auctionId, seq.get());
          ProblemResponses.write(response, new AuctionProblems.BidOutcomeUnknown(auctionId, seq.get()));
          async.complete();
        }
      }

      @Override
      public void onComplete(AsyncEvent event) {}

      @Override
      public void onError(AsyncEvent event) {}

      @Override
      public void onStartAsync(AsyncEvent event) {}
    });
    placing.whenComplete((placed, refusal) -> {
      if (placed == null) {
        finish(answered, async, () -> writeProblem(response, refusal instanceof CompletionException c && c.getCause() instanceof ApiProblem p ? p
            : refusal instanceof ApiProblem p ? p : notRecorded(auctionId, refusal)));
        return;
      }
      seq.set(placed.seq());
      placed.durable().whenComplete((event, failure) -> finish(answered, async, () -> {
        try {
          write(response, Bidding.answer(placed, event, failure));
        } catch (ApiProblem problem) {
          writeProblem(response, problem);
        }
      }));
    });
  }

  /**
   * Has a container thread write the answer and complete the request, unless the timeout answered
   * first: which one answers is decided there, when the answer is written, so a timeout while the
   * write waits for a thread still answers (the outcome is unknown) instead of leaving the request
   * to the container's error page. The thread that gets here is the auction's sequencer (a refusal)
   * or the log writer (an acceptance): writing answers on them made every other bid of a hot auction
   * wait for it.
   */
  private static void finish(AtomicBoolean answered, AsyncContext async, Runnable writer) {
    try {
      async.start(() -> {
        if (answered.compareAndSet(false, true)) {
          try {
            writer.run();
          } finally {
            async.complete();
          }
        }
      });
    } catch (RuntimeException e) {
      // the request is over: timed out and answered, or its connection is gone
      log.info("bid answer not written, the request is over reason={}", e.toString());
    }
  }

  private static ApiProblem notRecorded(UUID auctionId, Throwable failure) {
    log.warn("bid not decided auctionId={} reason={}", auctionId, String.valueOf(failure));
    return new AuctionProblems.BidNotRecorded();
  }

  private static Throwable cause(CompletableFuture<?> failed) {
    try {
      failed.join();
      throw new IllegalStateException("not failed");
    } catch (CompletionException e) {
      return e.getCause() == null ? e : e.getCause();
    } catch (java.util.concurrent.CancellationException e) {
      return e;
    }
  }

  private void write(HttpServletResponse response, Bidding.BidAccepted accepted) {
    try {
      response.setStatus(HttpServletResponse.SC_OK);
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      response.getOutputStream().write(json.writeValueAsBytes(accepted));
    } catch (IOException e) {
      // the client went away; the bid stays accepted (it is in the auction's log)
      log.info("bid answer not delivered auctionId={} seq={} reason={}", accepted.event().auctionId(), accepted.event().seq(), e.toString());
    }
  }

  private static void writeProblem(HttpServletResponse response, ApiProblem problem) {
    try {
      ProblemResponses.write(response, problem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
