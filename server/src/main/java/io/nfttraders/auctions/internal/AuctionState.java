package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An auction as its log has made it: the fold of its events up to {@code seq}.
 *
 * @param endsAt when bidding closes (null: a reserve auction still waiting for its first qualifying bid)
 * @param leader the leading bidder's address (lower case), or null
 * @param leaderUser the leading bidder's account, or null
 * @param leadingBid the leading bid in wei, or null
 */
record AuctionState(long seq, AuctionPhase phase, @Nullable Instant endsAt, @Nullable String leader, @Nullable UUID leaderUser,
    @Nullable BigInteger leadingBid, long bids, boolean paused) {

  static AuctionState opened(AuctionTerms terms) {
    return new AuctionState(0, AuctionPhase.OPEN, terms.fixedEnd(), null, null, null, 0, false);
  }

  /** The state after an event that changes only the phase (closing, settling...). */
  AuctionState next(AuctionPhase to) {
    return new AuctionState(seq + 1, to, endsAt, leader, leaderUser, leadingBid, bids, paused);
  }

  /** Open and its end not yet reached: bids may still be decided (paused or not). */
  boolean biddingAt(Instant at) {
    return phase == AuctionPhase.OPEN && (endsAt == null || at.isBefore(endsAt));
  }

  /** Open, not on hold, and its end has passed: it is waiting to be closed. A held auction is not closed (or settled) until released. */
  boolean dueAt(Instant at) {
    return phase == AuctionPhase.OPEN && !paused && endsAt != null && !at.isBefore(endsAt);
  }

  /** The state after a fraud hold is put on (true) or lifted (false). */
  AuctionState held(boolean hold) {
    return new AuctionState(seq + 1, phase, endsAt, leader, leaderUser, leadingBid, bids, hold);
  }
}
