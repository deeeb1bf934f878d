package io.nfttraders.auctions.internal;

import io.nfttraders.platform.WorkerLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Closes auctions whose end has passed. Bids after the end are refused by the rules whenever the
 * close happens, so a close a little late changes nothing; after a restart every unfinished
 * auction is loaded first, so none is forgotten.
 */
@Component
class AuctionClock implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuctionClock.class);

  private final AuctionRegistry registry;
  private final Clock clock;
  private final WorkerLoop loop;

  AuctionClock(AuctionRegistry registry, AuctionProperties properties, Clock clock) {
    this.registry = registry;
    this.clock = clock;
    this.loop = new WorkerLoop("auction-clock", this::closeDue, properties.closePoll());
  }

  private int closeDue() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (LiveAuction auction : registry.all()) {
      CompletableFuture<AuctionEvent> close = auction.closeIfDue(now);
      if (close != null) {
        close.whenComplete((event, failure) -> {
          if (failure == null) {
            log.info("auction closed auctionId={} seq={} phase={} winner={} amountWei={}", event.auctionId(), event.seq(), event.state().phase(),
                event.state().leader(), event.state().leadingBid());
          }
        });
      }
    }
    // closes are rare: sleep for the poll interval after every round
    return 0;
  }

  @Override
  public void start() {
    registry.loadUnfinished();
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}
