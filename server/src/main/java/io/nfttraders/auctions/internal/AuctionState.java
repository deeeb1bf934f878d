package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An auction as its log has made it: the fold of its events up to {@code seq}.
 *
 * @param endsAt when bidding closes (null: a reserve auction still waiting for its first qualifying bid)
 * @param leader the leading bidder's address (lower case), or null
 * @param leadingBid the leading bid in wei, or null
 */
record AuctionState(long seq, AuctionPhase phase, @Nullable Instant endsAt, @Nullable String leader, @Nullable BigInteger leadingBid,
    long bids, boolean paused) {

  static AuctionState opened(AuctionTerms terms) {
    return new AuctionState(0, AuctionPhase.OPEN, terms.fixedEnd(), null, null, 0, false);
  }

  /** Open and its end not yet reached: bids may still be decided (paused or not). */
  boolean biddingAt(Instant at) {
    return phase == AuctionPhase.OPEN && (endsAt == null || at.isBefore(endsAt));
  }

  /** Open, but its end has passed: it is waiting to be closed. */
  boolean dueAt(Instant at) {
    return phase == AuctionPhase.OPEN && endsAt != null && !at.isBefore(endsAt);
  }
}
