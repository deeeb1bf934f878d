package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An auction as the API shows it: its terms, its state after event {@code seq}, and the least bid it
 * takes now. Amounts are strings of wei (exact, and beyond JSON numbers' safe range); addresses in EIP-55 form.
 */
record AuctionView(UUID id, long chainId, String collection, String tokenId, String amount, String seller, String type, String startPriceWei,
    @Nullable String floorPriceWei, @Nullable String buyNowPriceWei, Instant startsAt, long durationSeconds, int minIncrementBps,
    long extensionWindowSeconds, long seq, String phase, @Nullable Instant endsAt, @Nullable String leader, @Nullable String leadingBidWei,
    long bids, boolean paused, @Nullable String minimumBidWei) {

  static AuctionView of(Auction a, AuctionState s, Instant now) {
    AuctionTerms t = a.terms();
    String minimum = s.biddingAt(now) ? BidRules.minimumBid(t, s, now).toString() : null;
    return new AuctionView(a.id(), a.chainId(), Checksums.of(a.collection()), a.tokenId().toString(), a.amount().toString(), Checksums.of(a.seller()),
        t.type().name(), t.startPrice().toString(), text(t.floorPrice()), text(t.buyNowPrice()), t.startsAt(), t.duration().toSeconds(), t.minIncrementBps(),
        t.extensionWindow().toSeconds(),
        s.seq(), s.phase().name(), s.endsAt(), Checksums.of(s.leader()), text(s.leadingBid()), s.bids(), s.paused(), minimum);
  }

  private static @Nullable String text(@Nullable BigInteger wei) {
    return wei == null ? null : wei.toString();
  }
}
