package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of an auction's log, with the auction's state after it.
 *
 * @param bidder BID: who bid (lower-case address); ENDED and SETTLED: the winner
 * @param amount BID: the bid; ENDED and SETTLED: the winning bid
 * @param outbid BID: the bidder who lost the lead
 * @param outbidUser BID: their account
 * @param extended BID: the bid moved the end
 * @param detail why (UNSOLD, PAUSED, RESUMED, CANCELLED), or for SETTLED the market's trade id (its transaction is the trade's)
 */
record AuctionEvent(UUID auctionId, long seq, Kind kind, Instant at, @Nullable String bidder, @Nullable UUID bidderUser,
    @Nullable BigInteger amount, @Nullable String outbid, @Nullable UUID outbidUser, @Nullable BigInteger outbidAmount, boolean extended,
    @Nullable String detail, AuctionState state) {

  enum Kind { BID, ENDED, UNSOLD, SETTLED, PAUSED, RESUMED, CANCELLED }

  AuctionEvent {
    if (seq != state.seq()) {
      throw new IllegalArgumentException("event " + seq + " carries the state after event " + state.seq());
    }
  }

  static AuctionEvent bid(UUID auction, BidRules.Accepted accepted, BidRules.Bid bid, UUID bidderUser) {
    return new AuctionEvent(auction, accepted.state().seq(), Kind.BID, bid.at(), bid.bidder(), bidderUser, bid.amount(), accepted.outbid(),
        accepted.outbidUser(), accepted.outbidAmount(), accepted.extended(), null, accepted.state());
  }

  /** A change of phase or pause that is not a bid: the state's leader and leading bid go along. */
  static AuctionEvent of(UUID auction, Kind kind, Instant at, @Nullable String detail, AuctionState state) {
    return new AuctionEvent(auction, state.seq(), kind, at, state.leader(), state.leaderUser(), state.leadingBid(), null, null, null, false, detail,
        state);
  }
}
