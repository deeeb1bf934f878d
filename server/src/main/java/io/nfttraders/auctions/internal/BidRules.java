package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Decides one bid against an auction's state: a pure function, so the sequencer, a restart's replay
 * of the log and the Foundation replay all decide alike. Rules follow Foundation's reserve auction:
 * the first bid at or above the reserve starts the clock, a later bid must beat the leader by the
 * minimum increment, the leader cannot outbid themselves, and a bid inside the extension window
 * moves the end to that long after the bid.
 */
final class BidRules {

  /** A bid as the sequencer sees it; {@code available} is the bidder's unreserved WETH (null: not checked, as in a replay). */
  record Bid(String bidder, @Nullable UUID user, BigInteger amount, Instant at, @Nullable BigInteger available) {}

  sealed interface Decision permits Accepted, Rejected {}

  /**
   * @param state the auction after the bid
   * @param outbid the bidder who lost the lead, or null
   * @param outbidUser their account, or null
   * @param outbidAmount their bid, or null
   * @param extended the bid moved the end
   * @param won the bid ended the auction at once (buy-now price, or a Dutch auction's first bid)
   */
  record Accepted(AuctionState state, @Nullable String outbid, @Nullable UUID outbidUser, @Nullable BigInteger outbidAmount, boolean extended,
      boolean won)
      implements Decision {}

  /** @param minimumBid the least bid that the auction would accept now, if there is one */
  record Rejected(BidRejection reason, String detail, @Nullable BigInteger minimumBid) implements Decision {}

  private BidRules() {}

  static Decision decide(AuctionTerms terms, String seller, AuctionState state, Bid bid) {
    if (state.phase() != AuctionPhase.OPEN || state.endsAt() != null && !bid.at().isBefore(state.endsAt())) {
      return new Rejected(BidRejection.ENDED, "the auction has ended", null);
    }
    if (bid.at().isBefore(terms.startsAt())) {
      return new Rejected(BidRejection.NOT_STARTED, "bidding opens at " + terms.startsAt(), null);
    }
    if (state.paused()) {
      return new Rejected(BidRejection.PAUSED, "the auction is paused by a fraud hold", null);
    }
    if (bid.bidder().equals(seller)) {
      return new Rejected(BidRejection.SELLER_CANNOT_BID, "the seller cannot bid on their own auction", null);
    }
    if (bid.bidder().equals(state.leader())) {
      return new Rejected(BidRejection.ALREADY_LEADING, "you already have the leading bid", null);
    }
    BigInteger minimum = minimumBid(terms, state, bid.at());
    if (bid.amount().compareTo(minimum) < 0) {
      BidRejection reason = state.leadingBid() != null ? BidRejection.BELOW_MINIMUM_INCREMENT
          : terms.type() == AuctionType.DUTCH ? BidRejection.BELOW_PRICE : BidRejection.BELOW_RESERVE;
      return new Rejected(reason, "the least bid accepted now is " + minimum + " wei", minimum);
    }
    if (bid.available() != null && bid.available().compareTo(bid.amount()) < 0) {
      return new Rejected(BidRejection.INSUFFICIENT_FUNDS,
          "your available WETH (" + bid.available() + " wei, after your other leading bids) does not cover the bid", minimum);
    }
    return accept(terms, state, bid);
  }

  /** The least bid the auction accepts at {@code at} (for a Dutch auction: its current price). */
  static BigInteger minimumBid(AuctionTerms terms, AuctionState state, Instant at) {
    if (state.leadingBid() != null) {
      return terms.minimumAbove(state.leadingBid());
    }
    return terms.type() == AuctionType.DUTCH ? terms.dutchPriceAt(at) : terms.startPrice();
  }

  private static Accepted accept(AuctionTerms terms, AuctionState state, Bid bid) {
    boolean won = terms.type() == AuctionType.DUTCH || terms.buyNowPrice() != null && bid.amount().compareTo(terms.buyNowPrice()) >= 0;
    Instant endsAt = state.endsAt();
    boolean extended = false;
    if (won) {
      endsAt = bid.at();
    } else if (endsAt == null) {
      endsAt = bid.at().plus(terms.duration());
    } else if (bid.at().plus(terms.extensionWindow()).isAfter(endsAt)) {
      endsAt = bid.at().plus(terms.extensionWindow());
      extended = true;
    }
    AuctionState next = new AuctionState(state.seq() + 1, won ? AuctionPhase.ENDED : AuctionPhase.OPEN, endsAt, bid.bidder(), bid.user(),
        bid.amount(), state.bids() + 1, state.paused());
    return new Accepted(next, state.leader(), state.leaderUser(), state.leadingBid(), extended, won);
  }
}
