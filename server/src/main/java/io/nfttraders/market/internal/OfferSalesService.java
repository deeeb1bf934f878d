package io.nfttraders.market.internal;

import io.nfttraders.market.OfferSales;
import java.math.BigInteger;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** {@link OfferSales} through the order book: the same placement and acceptance as the API's offers. */
@Service
class OfferSalesService implements OfferSales {

  /** Reasons an offer is not acceptable now that time or a pending approval may still clear. */
  private static final Set<String> PASSING = Set.of("UNCHECKED", "INSUFFICIENT_ALLOWANCE", "NOT_STARTED");

  private final OrderPlacement placement;
  private final OrderTaking taking;
  private final OrderBook book;
  private final Clock clock;

  OfferSalesService(OrderPlacement placement, OrderTaking taking, OrderBook book, Clock clock) {
    this.placement = placement;
    this.taking = taking;
    this.book = book;
    this.clock = clock;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public String offer(UUID buyerUser, String collection, BigInteger tokenId, BigInteger priceWei) {
    NewOrder order = new NewOrder(collection, tokenId.toString(), priceWei.toString(), null, "WETH", null, null, null, null, null, null);
    try {
      return placement.place(buyerUser, Side.BUY, order).hash();
    } catch (MarketProblems.InsufficientFunds | MarketProblems.NoWallet e) {
      throw new SaleRefused(SaleRefused.Reason.BUYER_CANNOT_PAY, e.getMessage());
    }
  }

  @Override
  public OfferState offerState(String offerHash) {
    OrderRow row = book.find(offerHash).orElseThrow(() -> new IllegalArgumentException("no order " + offerHash));
    String reason = row.unavailableReason(clock.instant());
    if (reason == null) {
      return new OfferState(OfferReadiness.READY, null);
    }
    return new OfferState(PASSING.contains(reason) ? OfferReadiness.WAITING : OfferReadiness.UNFILLABLE, reason);
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public UUID accept(UUID sellerUser, String offerHash) {
    try {
      return taking.accept(sellerUser, offerHash).id();
    } catch (MarketProblems.NotYourNft | MarketProblems.NoWallet e) {
      throw new SaleRefused(SaleRefused.Reason.SELLER_NOT_OWNER, e.getMessage());
    } catch (MarketProblems.OrderUnavailable e) {
      throw new SaleRefused(SaleRefused.Reason.OFFER_UNAVAILABLE, e.getMessage());
    }
  }

  @Override
  public TradeState trade(UUID tradeId) {
    TradeView trade = taking.tradeById(tradeId).orElseThrow(() -> new IllegalArgumentException("no trade " + tradeId));
    return new TradeState(TradeOutcome.valueOf(trade.state()), trade.failure(), trade.transactionId());
  }
}
