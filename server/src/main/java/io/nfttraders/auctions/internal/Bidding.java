package io.nfttraders.auctions.internal;

import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.market.OfferSales.SignedOffer;
import java.math.BigInteger;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The bid command: the bidder's funds are read if unknown, the auction's sequencer decides, and an
 * accepted bid is answered only once its event is durable. A bid that could not be stored is
 * answered as not recorded (503): it was not accepted, and nothing decided after it survives.
 * No thread waits for the storing: the answer is written when it completes ({@link BidAnswers}).
 */
@Service
class Bidding {

  private static final Logger log = LoggerFactory.getLogger(Bidding.class);

  /**
   * @param event the accepted bid's event, with the auction's state after it
   * @param minimumBidWei the least bid the auction takes next, named as in the auction's view
   * @param minimumNextBidWei deprecated: the same, under the name it had before; to be removed in the next release
   */
  record BidAccepted(AuctionEventView event, String minimumBidWei, String minimumNextBidWei) {
    BidAccepted(AuctionEventView event, String minimumBidWei) {
      this(event, minimumBidWei, minimumBidWei);
    }
  }

  private final AuctionRegistry registry;
  private final BidderFunds funds;
  private final CustodialWallets wallets;
  private final SignedBids signedBids;
  /** Wallet addresses never change, and a bid should not cost a query to find its bidder's. */
  private final Map<UUID, String> addresses = new ConcurrentHashMap<>();

  Bidding(AuctionRegistry registry, BidderFunds funds, CustodialWallets wallets, SignedBids signedBids) {
    this.registry = registry;
    this.funds = funds;
    this.wallets = wallets;
    this.signedBids = signedBids;
  }

  /** An accepted bid whose event is being stored; {@code durable} completes with it, or fails if it was not stored. */
  record Placed(UUID auctionId, long seq, String bidder, AuctionTerms terms, CompletableFuture<AuctionEvent> durable) {}

  /**
   * Has the auction's sequencer decide the bid, in arrival order. The future fails with the
   * rejection, or gives the accepted bid while its event is being stored: it must not be reported
   * accepted before that.
   */
  CompletableFuture<Placed> place(UUID user, UUID auctionId, BigInteger amount, long arrivedNanos) {
    return place(user, live(auctionId), addressOf(user), amount, arrivedNanos);
  }

  /**
   * {@link #place} for a bidder who signed the bid with their own key: {@code signed} is their WETH
   * offer for the token at the bid, which is checked and stored before the bid is decided.
   */
  CompletableFuture<Placed> placeSigned(UUID user, UUID auctionId, Function<Auction, SignedOffer> signed, long arrivedNanos) {
    LiveAuction auction = live(auctionId);
    SignedOffer offer = signed.apply(auction.auction());
    signedBids.store(auction.auction(), offer);
    return place(user, auction, offer.maker().hex(), offer.price().value(), arrivedNanos);
  }

  private CompletableFuture<Placed> place(UUID user, LiveAuction auction, String bidder, BigInteger amount, long arrivedNanos) {
    UUID auctionId = auction.auction().id();
    funds.load(bidder);
    return auction.submit(bidder, user, amount, arrivedNanos).thenApply(outcome -> {
      CompletableFuture<AuctionEvent> durable = outcome.durable();
      if (!(outcome.decision() instanceof BidRules.Accepted accepted) || durable == null) {
        BidRules.Rejected rejected = (BidRules.Rejected) outcome.decision();
        throw new AuctionProblems.BidRejected(rejected.reason(), rejected.detail(), rejected.minimumBid(), outcome.seqBefore());
      }
      return new Placed(auctionId, accepted.state().seq(), bidder, auction.auction().terms(), durable);
    });
  }

  /** The answer to a placed bid once its storing finished: accepted, or the problem that says it was not. */
  static BidAccepted answer(Placed placed, @Nullable AuctionEvent event, @Nullable Throwable failure) {
    if (event == null) {
      Throwable cause = failure instanceof java.util.concurrent.CompletionException c && c.getCause() != null ? c.getCause() : failure;
      log.warn("bid not recorded auctionId={} bidder={} reason={}", placed.auctionId(), placed.bidder(), String.valueOf(cause));
      throw new AuctionProblems.BidNotRecorded();
    }
    return new BidAccepted(AuctionEventView.of(event), placed.terms().minimumAbove(event.state().leadingBid()).toString());
  }

  private LiveAuction live(UUID auctionId) {
    return registry.find(auctionId).orElseThrow(() -> new AuctionProblems.AuctionNotFound(auctionId.toString()));
  }

  private String addressOf(UUID user) {
    String known = addresses.get(user);
    if (known != null) {
      return known;
    }
    String address = wallets.walletOf(user).orElseThrow(AuctionProblems.NoWallet::new).address().hex();
    addresses.put(user, address);
    return address;
  }
}
