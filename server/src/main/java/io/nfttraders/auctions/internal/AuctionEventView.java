package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An auction event as the API shows it (REST, GraphQL subscriptions), with the auction's state after it; addresses in EIP-55 form. */
record AuctionEventView(UUID auctionId, long seq, String kind, Instant at, @Nullable String bidder, @Nullable String amountWei,
    @Nullable String outbid, @Nullable String outbidAmountWei, boolean extended, @Nullable String detail, String phase,
    @Nullable Instant endsAt, @Nullable String leader, @Nullable String leadingBidWei, long bids) {

  static AuctionEventView of(AuctionEvent e) {
    AuctionState s = e.state();
    return new AuctionEventView(e.auctionId(), e.seq(), e.kind().name(), e.at(), Checksums.of(e.bidder()), text(e.amount()), Checksums.of(e.outbid()),
        text(e.outbidAmount()), e.extended(), e.detail(), s.phase().name(), s.endsAt(), Checksums.of(s.leader()), text(s.leadingBid()), s.bids());
  }

  private static @Nullable String text(@Nullable BigInteger wei) {
    return wei == null ? null : wei.toString();
  }
}
