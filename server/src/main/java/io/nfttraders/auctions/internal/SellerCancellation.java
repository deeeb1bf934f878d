package io.nfttraders.auctions.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A seller takes back an auction that nobody has bid in (a CANCELLED event). Once there is a bid
 * the seller is bound by it, as on Foundation: the auction runs to its end. A held auction stays
 * as the operator left it until the hold is lifted.
 */
@Service
class SellerCancellation {

  private static final Logger log = LoggerFactory.getLogger(SellerCancellation.class);

  private final AuctionProperties properties;
  private final Clock clock;

  SellerCancellation(AuctionProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
  }

  AuctionEvent cancel(UUID user, LiveAuction auction) {
    if (!auction.auction().sellerUser().equals(user)) {
      throw new AuctionProblems.NotYourAuction();
    }
    // decided under the auction's lock, so a bid arriving at the same moment either comes first (and the cancel is refused) or is refused as ENDED
    AuctionState[] tested = new AuctionState[1];
    AuctionEvent event = DurableEvents.await(auction.recordIf(s -> cancellable(tested[0] = s), AuctionEvent.Kind.CANCELLED,
        clock.instant().truncatedTo(ChronoUnit.MICROS), "cancelled by the seller", s -> s.next(AuctionPhase.CANCELLED))
        .orElseThrow(() -> new AuctionProblems.CannotCancel(why(tested[0]))), properties.durableTimeout());
    log.info("auction cancelled auctionId={} seq={}", event.auctionId(), event.seq());
    return event;
  }

  private static boolean cancellable(AuctionState state) {
    return state.phase() == AuctionPhase.OPEN && state.bids() == 0 && !state.paused();
  }

  private static String why(AuctionState state) {
    if (state.phase() != AuctionPhase.OPEN) {
      return "the auction is " + state.phase().name().toLowerCase() + "; only an open auction can be cancelled";
    }
    if (state.bids() > 0) {
      return "the auction has bids; it runs to its end and the winning bid must be honoured";
    }
    return "the auction is on hold; it can be cancelled once the hold is lifted";
  }
}
