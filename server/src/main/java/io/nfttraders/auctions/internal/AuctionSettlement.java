package io.nfttraders.auctions.internal;

import io.nfttraders.auctions.internal.SettlementAttempts.Attempt;
import io.nfttraders.auctions.internal.SettlementAttempts.Candidate;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.market.OfferSales;
import io.nfttraders.market.OfferSales.SaleRefused;
import io.nfttraders.platform.WorkerLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles ended auctions through the exchange, one step per round, resumable from the database
 * after a restart: the bidder's WETH offer at their bid is placed (the one they signed themselves, for a self-custody bidder), accepted by the seller's wallet
 * once it is valid, and the auction is SETTLED when the exchange's fill is indexed. A winner who
 * cannot pay (too little WETH, the offer never valid, the fill failed) is passed over for the next
 * highest bidder when {@code nft.auctions.fall-back-to-next-bid} allows, else the auction ends
 * UNSOLD; so does it if the seller no longer owns the token. At most one attempt is under way per
 * auction, and an auction leaves ENDED only once, so nothing is sold twice.
 */
@Component
class AuctionSettlement implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(AuctionSettlement.class);

  private final AuctionRegistry registry;
  private final SettlementAttempts attempts;
  private final OfferSales sales;
  private final SignedBids signedBids;
  private final TransactionTemplate transactions;
  private final AuctionProperties properties;
  private final Clock clock;
  private final WorkerLoop loop;

  AuctionSettlement(AuctionRegistry registry, SettlementAttempts attempts, OfferSales sales, SignedBids signedBids, TransactionTemplate transactions,
      AuctionProperties properties, Clock clock) {
    this.signedBids = signedBids;
    this.registry = registry;
    this.attempts = attempts;
    this.sales = sales;
    this.transactions = transactions;
    this.properties = properties;
    this.clock = clock;
    this.loop = new WorkerLoop("auction-settlement", this::round, properties.settlementPoll());
  }

  private int round() {
    for (LiveAuction auction : registry.all()) {
      // only an end that is durable is settled (one still being written may yet be lost, with the bids under it),
      // and nothing after it may be on its way (a SETTLED or UNSOLD whose wait timed out is still queued)
      if (auction.published().phase() == AuctionPhase.ENDED && auction.state().phase() == AuctionPhase.ENDED) {
        step(auction);
      }
    }
    return 0;
  }

  private void step(LiveAuction auction) {
    UUID id = auction.auction().id();
    Optional<Attempt> underWay = attempts.underWay(id);
    if (underWay.isEmpty()) {
      startNext(auction);
      return;
    }
    Attempt attempt = underWay.get();
    Instant now = now();
    if (attempt.state() == SettlementAttempts.State.OFFERED) {
      OfferSales.OfferState offer = sales.offerState(String.valueOf(attempt.offerHash()));
      switch (offer.readiness()) {
        case READY -> accept(auction, attempt);
        case UNFILLABLE -> fail(attempt, "the winning bid's offer cannot be filled: " + offer.reason());
        case WAITING -> {
          if (attempt.updatedAt().plus(properties.offerTimeout()).isBefore(now)) {
            fail(attempt, "the winning bid's offer did not become valid within " + properties.offerTimeout() + ": " + offer.reason());
          }
        }
      }
      return;
    }
    OfferSales.TradeState trade = sales.trade(Objects.requireNonNull(attempt.tradeId()));
    switch (trade.outcome()) {
      case SETTLED -> {
        if (append(auction, AuctionEvent.Kind.SETTLED, String.valueOf(attempt.tradeId()),
            s -> new AuctionState(s.seq() + 1, AuctionPhase.SETTLED, s.endsAt(), attempt.bidder(), attempt.bidderUser(), attempt.amount(), s.bids(),
                s.paused()))) {
          // the attempt is settled with the event, in the log's transaction (SettlementAttempts)
          log.info("auction settled auctionId={} buyer={} amountWei={} tradeId={}", id, attempt.bidder(), attempt.amount(), attempt.tradeId());
        }
      }
      case FAILED -> fail(attempt, "the settlement failed: " + trade.failure());
      case SETTLING -> { }
    }
  }

  /** Offers the sale to the winner, or after a failed attempt to the next highest bidder not tried yet. */
  private void startNext(LiveAuction auction) {
    UUID id = auction.auction().id();
    int tried = attempts.count(id);
    if (tried > 0 && !properties.fallBackToNextBid()) {
      unsold(auction, "the winner could not pay");
      return;
    }
    List<Candidate> candidates = attempts.untried(id);
    if (candidates.isEmpty()) {
      unsold(auction, tried == 0 ? "no bids" : "no bidder could pay");
      return;
    }
    Candidate next = candidates.getFirst();
    Instant now = now();
    try {
      transactions.executeWithoutResult(status -> {
        // a bidder who signed their bid themselves is held to that signature; the server signs only for custodial wallets
        String offer = signedBids.of(auction.auction(), next.bidder(), next.amount())
            .map(signed -> sales.offer(next.bidderUser(), signed))
            .orElseGet(() -> sales.offer(next.bidderUser(), auction.auction().token(), auction.auction().amount(), Wei.of(next.amount())));
        attempts.start(id, tried + 1, next, offer, SettlementAttempts.State.OFFERED, null, now);
      });
      log.info("auction settlement offered auctionId={} attempt={} bidder={} amountWei={}", id, tried + 1, next.bidder(), next.amount());
    } catch (SaleRefused e) {
      transactions.executeWithoutResult(status -> attempts.start(id, tried + 1, next, null, SettlementAttempts.State.FAILED, e.getMessage(), now));
      log.info("auction bidder cannot pay auctionId={} attempt={} bidder={} reason={}", id, tried + 1, next.bidder(), e.getMessage());
    }
  }

  private void accept(LiveAuction auction, Attempt attempt) {
    try {
      transactions.executeWithoutResult(status -> {
        UUID trade = sales.accept(auction.auction().sellerUser(), String.valueOf(attempt.offerHash()));
        attempts.accepted(attempt, trade, now());
      });
    } catch (SaleRefused e) {
      transactions.executeWithoutResult(status -> attempts.failed(attempt, e.getMessage(), now()));
      if (e.reason() == SaleRefused.Reason.SELLER_NOT_OWNER) {
        unsold(auction, "the seller no longer owns the token");
      }
    }
  }

  private void fail(Attempt attempt, String failure) {
    transactions.executeWithoutResult(status -> attempts.failed(attempt, failure, now()));
    log.info("auction settlement attempt failed auctionId={} attempt={} bidder={} reason={}", attempt.auction(), attempt.number(), attempt.bidder(),
        failure);
  }

  private void unsold(LiveAuction auction, String why) {
    if (append(auction, AuctionEvent.Kind.UNSOLD, why,
        s -> s.next(AuctionPhase.UNSOLD))) {
      log.info("auction unsold auctionId={} reason={}", auction.auction().id(), why);
    }
  }

  /**
   * Appends the event to an auction still ENDED (decided under its lock, so never twice) and waits
   * until it is durable; false if it was not stored (the next round tries again) or not yet.
   */
  private boolean append(LiveAuction auction, AuctionEvent.Kind kind, String detail, UnaryOperator<AuctionState> change) {
    Optional<CompletableFuture<AuctionEvent>> appended = auction.recordIf(s -> s.phase() == AuctionPhase.ENDED, kind, now(), detail, change);
    if (appended.isEmpty()) {
      return false;
    }
    try {
      appended.get().get(properties.durableTimeout().toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      log.warn("auction event not recorded auctionId={} kind={} reason={}", auction.auction().id(), kind, e.toString());
      return false;
    } catch (TimeoutException e) {
      log.warn("auction event not stored yet; it stays queued auctionId={} kind={} waited={}", auction.auction().id(), kind, properties.durableTimeout());
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}
