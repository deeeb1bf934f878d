package io.nfttraders.market.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.utils.Numeric;

/**
 * Takes orders: a buyer fills a listing, an owner accepts an offer. Each reserves its order, records
 * the trade and queues the settlement transaction in one database transaction, so exactly one of
 * many concurrent takers gets the order and nothing is half-done.
 */
@Service
class OrderTaking {

  private static final Logger log = LoggerFactory.getLogger(OrderTaking.class);

  private final OrderBook book;
  private final CustodialWallets wallets;
  private final ExchangeAllowances allowances;
  private final WethPositions positions;
  private final IndexedNfts nfts;
  private final TransactionManager transactions;
  private final ChainClient chain;
  private final JdbcClient jdbc;
  private final MarketProperties properties;
  private final Clock clock;
  private final OrderPlacement placement;

  OrderTaking(OrderBook book, CustodialWallets wallets, ExchangeAllowances allowances, WethPositions positions, IndexedNfts nfts,
      TransactionManager transactions, ChainClient chain, JdbcClient jdbc, MarketProperties properties, Clock clock, OrderPlacement placement) {
    this.book = book;
    this.wallets = wallets;
    this.allowances = allowances;
    this.positions = positions;
    this.nfts = nfts;
    this.transactions = transactions;
    this.chain = chain;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.placement = placement;
  }

  @Transactional
  TradeView buy(UUID user, String orderHash) {
    Wallet buyer = wallets.walletOf(user).orElseThrow(MarketProblems.NoWallet::new);
    OrderRow listing = available(orderHash, Side.SELL, buyer);
    ExchangeOrder order = listing.order();
    Optional<TransactionId> approval = Optional.empty();
    if (order.paidInEth()) {
      FeeQuote fees = chain.fees();
      BigInteger needed = order.price().add(properties.settlementGasLimit().multiply(fees.maxFeePerGas()));
      BigInteger balance = chain.balance(buyer.address());
      if (balance.compareTo(needed) < 0) {
        throw new MarketProblems.InsufficientFunds("Buying needs " + OrderView.ether(needed) + " ETH including gas; the wallet holds " + OrderView.ether(balance));
      }
    } else {
      WethPositions.Position position = positions.read(buyer.address().hex());
      if (position.balance().compareTo(order.price()) < 0) {
        throw new MarketProblems.InsufficientFunds("Buying needs " + OrderView.ether(order.price()) + " WETH; the wallet holds " + OrderView.ether(position.balance()));
      }
      approval = allowances.ensureWeth(buyer, position.allowance(), order.price());
    }
    reserve(listing, Side.SELL);
    byte[] call = ExchangeCalls.fillListing(order, Numeric.hexStringToByteArray(listing.signature()), buyer.address());
    TransactionId tx = transactions.enqueue(new TransactionIntent("FILL_LISTING", buyer.id(), Address.of(placement.domain().exchange()),
        order.paidInEth() ? order.price() : BigInteger.ZERO, call, properties.settlementGasLimit(), Optional.of(user), "buy order " + orderHash, approval));
    return recordTrade(user, buyer, listing, tx);
  }

  @Transactional
  TradeView accept(UUID user, String orderHash) {
    Wallet seller = wallets.walletOf(user).orElseThrow(MarketProblems.NoWallet::new);
    OrderRow offer = available(orderHash, Side.BUY, seller);
    ExchangeOrder order = offer.order();
    TokenRef token = new TokenRef(ChainId.of(offer.chainId()), Address.of(order.collection()), order.tokenId());
    boolean sellerOwns = order.standard() == TokenStandard.ERC1155 ? nfts.copiesHeld(token, seller.address()).compareTo(order.amount()) >= 0
        : nfts.token(token).map(t -> seller.address().equals(t.owner())).orElse(false);
    if (!sellerOwns) {
      throw new MarketProblems.NotYourNft("The offer is for " + (order.standard() == TokenStandard.ERC1155 ? order.amount() + " copies of " : "")
          + "token " + order.tokenId() + ", which your wallet does not hold");
    }
    Optional<TransactionId> approval = allowances.ensureCollection(seller, order.collection());
    reserve(offer, Side.BUY);
    byte[] call = ExchangeCalls.acceptOffer(order, Numeric.hexStringToByteArray(offer.signature()));
    TransactionId tx = transactions.enqueue(new TransactionIntent("ACCEPT_OFFER", seller.id(), Address.of(placement.domain().exchange()), BigInteger.ZERO, call,
        properties.settlementGasLimit(), Optional.of(user), "accept offer " + orderHash, approval));
    return recordTrade(user, seller, offer, tx);
  }

  /** The trade, if the user took it. */
  Optional<TradeView> trade(UUID user, UUID tradeId) {
    return tradeById(tradeId, user);
  }

  /** The trade whoever took it (an auction's settlement follows its own). */
  Optional<TradeView> tradeById(UUID tradeId) {
    return tradeById(tradeId, null);
  }

  private Optional<TradeView> tradeById(UUID tradeId, @Nullable UUID taker) {
    return jdbc.sql("""
            select t.id, t.order_hash, o.side, t.state, t.failure, t.transaction_id, t.created_at from trades t join orders o on o.hash = t.order_hash
            where t.id = :id and (cast(:taker as uuid) is null or t.taker_user_id = :taker)
            """)
        .param("id", tradeId)
        .param("taker", taker)
        .query((rs, n) -> new TradeView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getObject(6, UUID.class), rs.getTimestamp(7).toInstant()))
        .optional();
  }

  private OrderRow available(String orderHash, Side side, Wallet taker) {
    OrderRow row = book.find(orderHash.toLowerCase()).orElseThrow(() -> new MarketProblems.OrderNotFound(orderHash));
    if (row.order().side() != side) {
      throw new MarketProblems.OrderUnavailable(orderHash, "WRONG_SIDE", side == Side.SELL ? "it is an offer, not a listing" : "it is a listing, not an offer");
    }
    if (row.order().maker().equals(taker.address().hex())) {
      throw new MarketProblems.OwnOrder(orderHash);
    }
    return row;
  }

  private void reserve(OrderRow row, Side side) {
    Instant now = clock.instant();
    if (book.reserve(row.hash(), side, now).isEmpty()) {
      OrderRow current = book.find(row.hash()).orElseThrow();
      String reason = String.valueOf(current.unavailableReason(now));
      throw new MarketProblems.OrderUnavailable(row.hash(), reason, describe(reason));
    }
  }

  private TradeView recordTrade(UUID user, Wallet taker, OrderRow order, TransactionId tx) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql("""
            insert into trades (id, order_hash, taker_user_id, taker, transaction_id, state, created_at, updated_at)
            values (:id, :order, :user, :taker, :tx, 'SETTLING', :now, :now)
            """)
        .param("id", id).param("order", order.hash()).param("user", user).param("taker", taker.address().hex()).param("tx", tx.value())
        .param("now", Timestamp.from(now))
        .update();
    log.info("trade started tradeId={} orderHash={} side={} txId={}", id, order.hash(), order.order().side(), tx.value());
    return new TradeView(id, order.hash(), order.order().side().name(), "SETTLING", null, tx.value(), now);
  }

  private static String describe(String reason) {
    return switch (reason) {
      case "BEING_FILLED" -> "another taker is settling it right now";
      case "FILLED" -> "it has been filled already";
      case "CANCELLED" -> "its maker cancelled it";
      case "EXPIRED" -> "it has expired";
      case "NOT_STARTED" -> "it is not open yet";
      case "NOT_OWNER" -> "its maker no longer owns the token";
      case "NOT_APPROVED" -> "its maker has not (or no longer) approved the exchange";
      case "INSUFFICIENT_WETH" -> "its maker's WETH does not cover it";
      case "INSUFFICIENT_ALLOWANCE" -> "its maker's WETH allowance does not cover it";
      case "STALE_COUNTER" -> "its maker cancelled all their orders";
      default -> "it is not valid on-chain right now (" + reason + ")";
    };
  }
}
