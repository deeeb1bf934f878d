package io.nfttraders.auctions.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The threads that decide bids once their arrival window has passed, shared by all auctions. */
@Component
class BidScheduling implements DisposableBean {

  private final ScheduledThreadPoolExecutor scheduler;
  private final long windowNanos;

  BidScheduling(AuctionProperties properties) {
    this.windowNanos = properties.arrivalWindow().toNanos();
    this.scheduler = new ScheduledThreadPoolExecutor(Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())),
        Thread.ofPlatform().name("auction-sequencer-", 0).daemon().factory());
    scheduler.setRemoveOnCancelPolicy(true);
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  long windowNanos() {
    return windowNanos;
  }

  @Override
  public void destroy() {
    scheduler.shutdown();
  }
}
