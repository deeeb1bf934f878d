package io.nfttraders.auctions.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a command's event (a hold, a cancellation) to be stored before the command is answered. */
final class DurableEvents {

  private DurableEvents() {}

  /** The stored event; a 503 problem if the log did not take it in time (the command may be sent again). */
  static AuctionEvent await(CompletableFuture<AuctionEvent> event, Duration timeout) {
    try {
      return event.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new AuctionProblems.EventNotRecorded();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuctionProblems.EventNotRecorded();
    }
  }
}
