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
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers accepted bids without holding a request thread while their events are stored: the
 * request goes asynchronous (a Servlet AsyncContext) and the thread that stored the event writes
 * the answer and completes it. Group commits pay off only with many bids in flight, and a blocking
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

  void answerWhenStored(Bidding.Placed placed, HttpServletRequest request, HttpServletResponse response) {
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(properties.durableTimeout().toMillis());
    AtomicBoolean answered = new AtomicBoolean();
    async.addListener(new AsyncListener() {
      @Override
      public void onTimeout(AsyncEvent event) throws IOException {
        if (answered.compareAndSet(false, true)) {
          log.warn("bid outcome unknown auctionId={} bidder={} seq={}", placed.auctionId(), placed.bidder(), placed.seq());
          ProblemResponses.write(response, new AuctionProblems.BidOutcomeUnknown(placed.auctionId(), placed.seq()));
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
    placed.durable().whenComplete((event, failure) -> {
      if (!answered.compareAndSet(false, true)) {
        return;
      }
      try {
        write(response, Bidding.answer(placed, event, failure));
      } catch (ApiProblem problem) {
        writeProblem(response, problem);
      } finally {
        async.complete();
      }
    });
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
