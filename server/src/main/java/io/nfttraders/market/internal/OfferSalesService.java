package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.market.OfferSales;
import io.nfttraders.ethereum.TypedData;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
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
  public String offer(UUID buyerUser, TokenRef token, BigInteger amount, Wei price) {
    NewOrder order = new NewOrder(token.contract().hex(), token.tokenId().toString(), amount.toString(), price.toString(), null, "WETH", null, null, null,
        null, null, null);
    try {
      return placement.place(buyerUser, Side.BUY, order).hash();
    } catch (MarketProblems.InsufficientFunds | MarketProblems.NoWallet e) {
      throw new SaleRefused(SaleRefused.Reason.BUYER_CANNOT_PAY, e.getMessage());
    }
  }

  @Override
  public BigInteger counter(Address maker) {
    return placement.chainCounter(maker.hex());
  }

  @Override
  public TypedData typedData(SignedOffer offer) {
    return order(offer).typedData(placement.domain());
  }

  @Override
  public void check(SignedOffer offer) {
    ExchangeOrder order = order(offer);
    try {
      OrderSignatures.verify(order, placement.domain(), offer.signature());
    } catch (MarketProblems.InvalidSignature e) {
      throw new InvalidOffer(e.getMessage());
    }
    if (!offer.endTime().isAfter(clock.instant())) {
      throw new InvalidOffer("the offer's endTime has passed");
    }
    BigInteger counter = placement.chainCounter(order.maker());
    if (!counter.equals(offer.counter())) {
      throw new InvalidOffer("the offer carries counter " + offer.counter() + " but the maker's counter on the exchange is " + counter
          + " (orders signed with another counter cannot be filled)");
    }
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public String offer(UUID buyerUser, SignedOffer offer) {
    NewOrder order = new NewOrder(offer.token().contract().hex(), offer.token().tokenId().toString(), offer.amount().toString(), offer.price().toString(),
        null, "WETH", Instant.EPOCH, offer.endTime(), offer.maker().hex(), offer.salt().toString(), offer.counter().toString(), offer.signature());
    try {
      return placement.place(buyerUser, Side.BUY, order).hash();
    } catch (MarketProblems.InvalidOrder | MarketProblems.InvalidSignature e) {
      throw new SaleRefused(SaleRefused.Reason.BUYER_CANNOT_PAY, "the signed offer is no longer valid: " + e.getMessage());
    }
  }

  private ExchangeOrder order(SignedOffer offer) {
    try {
      return new ExchangeOrder(offer.maker().hex(), Side.BUY, offer.token().contract().hex(), placement.standardOf(offer.token()), offer.token().tokenId(),
          offer.amount(), placement.weth(), offer.price().value(), 0, offer.endTime().getEpochSecond(), offer.salt(), offer.counter());
    } catch (IllegalArgumentException e) {
      throw new InvalidOffer(e.getMessage());
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
