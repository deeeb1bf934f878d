package io.nfttraders.auctions.internal;

import io.nfttraders.custody.CustodialWallets;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The bid command: the bidder's funds are read if unknown, the auction's sequencer decides, and an
 * accepted bid is answered only once its event is durable. A bid that could not be stored is
 * answered as not recorded (503): it was not accepted, and nothing decided after it survives.
 */
@Service
class Bidding {

  private static final Logger log = LoggerFactory.getLogger(Bidding.class);

  /** @param event the accepted bid's event, with the auction's state after it */
  record BidAccepted(AuctionEventView event, String minimumNextBidWei) {}

  private final AuctionRegistry registry;
  private final BidderFunds funds;
  private final CustodialWallets wallets;
  private final AuctionProperties properties;
  private final Clock clock;
  /** Wallet addresses never change, and a bid should not cost a query to find its bidder's. */
  private final Map<UUID, String> addresses = new ConcurrentHashMap<>();

  Bidding(AuctionRegistry registry, BidderFunds funds, CustodialWallets wallets, AuctionProperties properties, Clock clock) {
    this.registry = registry;
    this.funds = funds;
    this.wallets = wallets;
    this.properties = properties;
    this.clock = clock;
  }

  BidAccepted bid(UUID user, UUID auctionId, BigInteger amount) {
    LiveAuction auction = registry.find(auctionId).orElseThrow(() -> new AuctionProblems.AuctionNotFound(auctionId.toString()));
    String bidder = addressOf(user);
    funds.load(bidder);
    LiveAuction.Outcome outcome = auction.bid(bidder, user, amount, clock);
    if (!(outcome.decision() instanceof BidRules.Accepted accepted) || outcome.durable() == null) {
      BidRules.Rejected rejected = (BidRules.Rejected) outcome.decision();
      throw new AuctionProblems.BidRejected(rejected.reason(), rejected.detail(), rejected.minimumBid(), auction.state().seq());
    }
    AuctionEvent event;
    try {
      event = outcome.durable().get(properties.durableTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      log.warn("bid not recorded auctionId={} bidder={} reason={}", auctionId, bidder, e.getCause().toString());
      throw new AuctionProblems.BidNotRecorded();
    } catch (TimeoutException e) {
      log.warn("bid outcome unknown auctionId={} bidder={} seq={}", auctionId, bidder, accepted.state().seq());
      throw new AuctionProblems.BidOutcomeUnknown(auctionId, accepted.state().seq());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuctionProblems.BidNotRecorded();
    }
    AuctionState state = accepted.state();
    BigInteger next = auction.auction().terms().minimumAbove(state.leadingBid());
    return new BidAccepted(AuctionEventView.of(event), next.toString());
  }

  private String addressOf(UUID user) {
    String known = addresses.get(user);
    if (known != null) {
      return known;
    }
    String address = wallets.walletOf(user).orElseThrow(AuctionProblems.NoWallet::new).address().toLowerCase();
    addresses.put(user, address);
    return address;
  }
}
