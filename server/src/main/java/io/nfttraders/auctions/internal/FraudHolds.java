package io.nfttraders.auctions.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Fraud holds: an operator pauses an open auction (PAUSED event) and later lifts the hold
 * (RESUMED). While held, bids are refused with PAUSED and the auction is neither closed nor
 * settled; lifted after its end, it closes at once.
 */
@Service
class FraudHolds {

  private static final Logger log = LoggerFactory.getLogger(FraudHolds.class);

  private final AuctionProperties properties;
  private final Clock clock;

  FraudHolds(AuctionProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  AuctionEvent hold(LiveAuction auction, boolean hold, @Nullable String reason) {
    AuctionState state = auction.state();
    if (state.phase() != AuctionPhase.OPEN || state.paused() == hold) {
      throw new AuctionProblems.HoldConflict(hold ? "only an open auction that is not on hold can be held" : "the auction is not on hold");
    }
    AuctionEvent event = DurableEvents.await(auction.recordIf(s -> s.phase() == AuctionPhase.OPEN && s.paused() != hold,
        hold ? AuctionEvent.Kind.PAUSED : AuctionEvent.Kind.RESUMED, clock.instant().truncatedTo(ChronoUnit.MICROS), reason, s -> s.held(hold))
        .orElseThrow(() -> new AuctionProblems.HoldConflict("the auction changed meanwhile; look again")), properties.durableTimeout());
    log.info("auction hold changed auctionId={} held={} reason={}", event.auctionId(), hold, reason);
    return event;
  }
}
