package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenView;
import io.nfttraders.minting.MintedMetadata;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Makes and cancels orders: listings and offers, signed by the custodial signer or by their maker. */
@Service
class OrderPlacement {

  private static final Logger log = LoggerFactory.getLogger(OrderPlacement.class);
  private static final BigInteger CANCEL_GAS = BigInteger.valueOf(150_000);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final OrderBook book;
  private final OrderValidity validity;
  private final OrderSignatures signatures;
  private final ExchangeAllowances allowances;
  private final WethPositions positions;
  private final CustodialWallets wallets;
  private final IndexedNfts nfts;
  private final MintedMetadata minted;
  private final TransactionManager transactions;
  private final JdbcClient jdbc;
  private final MarketProperties properties;
  private final Clock clock;
  private final OrderDomain domain;
  private final String weth;

  OrderPlacement(OrderBook book, OrderValidity validity, OrderSignatures signatures, ExchangeAllowances allowances, WethPositions positions,
      CustodialWallets wallets, IndexedNfts nfts, MintedMetadata minted, TransactionManager transactions, JdbcClient jdbc, MarketProperties properties, Clock clock,
      DeployedContracts contracts) {
    this.book = book;
    this.validity = validity;
    this.signatures = signatures;
    this.allowances = allowances;
    this.positions = positions;
    this.wallets = wallets;
    this.nfts = nfts;
    this.minted = minted;
    this.transactions = transactions;
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
    this.domain = new OrderDomain(contracts.chainId().value(), contracts.exchange().hex());
    this.weth = contracts.weth().address().hex();
  }

  OrderDomain domain() {
    return domain;
  }

  String weth() {
    return weth;
  }

  /** How the token moves, as the indexer classified its contract: ERC-721 for a token it does not know yet. */
  TokenStandard standardOf(TokenRef token) {
    return nfts.token(token).map(TokenView::standard).orElse(TokenStandard.ERC721);
  }

  /** What a request asks for, checked: a token that exists, how many copies, the currency, the price and the time window. */
  private record Terms(TokenRef token, TokenView indexed, BigInteger amount, String currency, BigInteger price, long start, long end) {}

  private Terms terms(Side side, NewOrder request, Instant now) {
    TokenRef token = token(request);
    TokenView indexed = nfts.token(token)
        .filter(t -> !t.burned())
        .orElseThrow(() -> new MarketProblems.UnknownNft(request.collection() + "/" + request.tokenId()));
    BigInteger amount = request.amount() == null ? BigInteger.ONE : Inputs.uint("amount", request.amount());
    if (indexed.standard() == TokenStandard.ERC721 ? !amount.equals(BigInteger.ONE) : amount.signum() <= 0) {
      throw new MarketProblems.InvalidOrder("amount must be 1 for an ERC-721 token and at least 1 copy of an ERC-1155 token; was " + amount);
    }
    String currency = currency(side, request.currency());
    BigInteger price = Inputs.amount("priceWei", request.priceWei(), "price", request.price());
    long start = (request.startTime() == null ? now : request.startTime()).getEpochSecond();
    long end = (request.endTime() == null ? now.plus(properties.defaultOrderLifetime()) : request.endTime()).getEpochSecond();
    if (start < 0 || end <= start || end <= now.getEpochSecond()) {
      throw new MarketProblems.InvalidOrder("startTime must not be before 1970, and endTime must be after startTime and in the future");
    }
    return new Terms(token, indexed, amount, currency, price, start, end);
  }

  /**
   * The order a maker holding their own key signs for this request ({@code eth_signTypedData_v4}): the
   * terms {@link #place} will check, a fresh salt and the maker's current counter on the exchange.
   */
  ExchangeOrder toSign(Side side, NewOrder request) {
    Terms terms = terms(side, request, clock.instant());
    String maker = Inputs.address("maker", request.maker()).hex();
    checkOwnership(side, maker, terms);
    return order(maker, side, terms, new BigInteger(128, RANDOM), chainCounter(maker));
  }

  /**
   * An order signed by its maker carries every field the signature covers that has no fixed
   * default: left out, the server would fill in another value and the signature would not match.
   */
  private static void requireSignedFields(NewOrder request) {
    List<String> missing = new ArrayList<>();
    if (request.maker() == null) {
      missing.add("maker");
    }
    if (request.startTime() == null) {
      missing.add("startTime");
    }
    if (request.endTime() == null) {
      missing.add("endTime");
    }
    if (request.salt() == null) {
      missing.add("salt");
    }
    if (request.counter() == null) {
      missing.add("counter");
    }
    if (!missing.isEmpty()) {
      throw new MarketProblems.InvalidOrder("a signed order needs every field it was signed with; missing: " + String.join(", ", missing));
    }
  }

  private static ExchangeOrder order(String maker, Side side, Terms terms, BigInteger salt, BigInteger counter) {
    return new ExchangeOrder(maker, side, terms.token().contract().hex(), terms.indexed().standard(), terms.token().tokenId(), terms.amount(),
        terms.currency(), terms.price(), terms.start(), terms.end(), salt, counter);
  }

  /**
   * A listing's maker owns the token (holds the copies it sells, for an ERC-1155 token); an offer's
   * maker does not own the ERC-721 token it asks for (anyone may ask for more copies of an ERC-1155 one).
   */
  private void checkOwnership(Side side, String maker, Terms terms) {
    TokenView indexed = terms.indexed();
    if (indexed.standard() == TokenStandard.ERC1155) {
      BigInteger held = nfts.copiesHeld(terms.token(), Address.of(maker));
      if (side == Side.SELL && held.compareTo(terms.amount()) < 0) {
        throw new MarketProblems.NotYourNft(maker + " holds " + held + " copies of token " + indexed.token().tokenId() + ", not " + terms.amount());
      }
      return;
    }
    boolean makerOwns = indexed.owner() != null && indexed.owner().hex().equals(maker);
    if (side == Side.SELL && !makerOwns) {
      throw new MarketProblems.NotYourNft("Token " + indexed.token().tokenId() + " is not owned by " + maker);
    }
    if (side == Side.BUY && makerOwns) {
      throw new MarketProblems.InvalidOrder("you own this token already");
    }
  }

  @Transactional
  OrderRow place(UUID user, Side side, NewOrder request) {
    if (request.signature() != null) {
      requireSignedFields(request);
    } else if (request.maker() != null || request.salt() != null || request.counter() != null) {
      // the server signs a custodial order with a fresh salt and the wallet's counter: fields it would ignore are a mistake to name
      throw new MarketProblems.InvalidOrder("maker, salt and counter are sent only with an order signed by its maker's own key (its signature)");
    }
    Instant now = clock.instant();
    Terms terms = terms(side, request, now);
    TokenRef token = terms.token();
    BigInteger price = terms.price();
    Optional<Wallet> custodial = request.signature() == null ? Optional.of(wallets.walletOf(user).orElseThrow(MarketProblems.NoWallet::new))
        : Optional.empty();
    String maker = custodial.map(w -> w.address().hex()).orElseGet(() -> Inputs.address("maker", request.maker()).hex());
    validity.lockMakers(List.of(maker));
    checkOwnership(side, maker, terms);
    BigInteger salt = custodial.isPresent() ? new BigInteger(128, RANDOM) : Inputs.uint("salt", request.salt());
    BigInteger counter = custodial.isPresent() ? expectedCounter(custodial.get()) : Inputs.uint("counter", request.counter());
    ExchangeOrder order = order(maker, side, terms, salt, counter);
    String signature;
    if (custodial.isPresent()) {
      signature = signatures.signCustodial(custodial.get().id(), order, domain, (side == Side.SELL ? "list " : "offer for ") + token.tokenId());
      if (side == Side.SELL) {
        allowances.ensureCollection(custodial.get(), token.contract().hex());
        // one live listing per token and maker: a new price replaces the old listing
        book.cancelOpen(maker, token, Side.SELL, now);
      } else {
        WethPositions.Position position = positions.refresh(maker);
        if (position.balance().compareTo(price) < 0) {
          throw new MarketProblems.InsufficientFunds("The offer needs " + OrderView.ether(price) + " WETH; the wallet holds " + OrderView.ether(position.balance()));
        }
        allowances.ensureWeth(custodial.get(), position.allowance(), price);
      }
    } else {
      OrderSignatures.verify(order, domain, request.signature());
      signature = request.signature();
      if (side == Side.BUY) {
        positions.refresh(maker);
      }
    }
    String hash = order.hash(domain);
    if (book.find(hash).isPresent()) {
      throw new MarketProblems.InvalidOrder("this exact order exists already: " + hash);
    }
    // what the listings page shows and filters by: the name and attributes the token was minted with
    Optional<MintedMetadata.Metadata> metadata = minted.of(token);
    OrderRow row = new OrderRow(hash, domain.chainId(), domain.exchange(), order, user, signature, "OPEN", "UNCHECKED",
        metadata.map(MintedMetadata.Metadata::name).orElse(null), now);
    book.insert(row, JSON.writeValueAsString(metadata.map(MintedMetadata.Metadata::attributes).orElse(List.of()).stream()
        .map(a -> Map.of("trait_type", a.traitType(), "value", a.value())).toList()), now);
    validity.ofOrders(List.of(hash));
    activity(side == Side.SELL ? "LISTED" : "OFFER_MADE", order, hash, now);
    log.info("order placed orderHash={} side={} maker={} collection={} tokenId={} priceWei={}", hash, side, maker, token.contract(), token.tokenId(), price);
    return book.find(hash).orElseThrow();
  }

  /** Cancels in our book at once; with {@code onChain} the exchange also refuses it for good once the cancel is mined. */
  @Transactional
  OrderRow cancel(UUID user, String hash, boolean onChain) {
    OrderRow row = book.find(hash).orElseThrow(() -> new MarketProblems.OrderNotFound(hash));
    if (!user.equals(row.makerUserId())) {
      throw new MarketProblems.NotYourOrder(hash);
    }
    Instant now = clock.instant();
    if (!book.cancel(hash, now) && !(onChain && row.state().equals("CANCELLED"))) {
      throw new MarketProblems.OrderUnavailable(hash, row.state(), "it is " + row.state().toLowerCase().replace('_', ' '));
    }
    if (onChain) {
      Wallet wallet = wallets.walletOf(user).filter(w -> w.address().hex().equals(row.order().maker()))
          .orElseThrow(() -> new MarketProblems.InvalidOrder("only orders signed by your custodial wallet can be cancelled on-chain by the server"));
      transactions.enqueue(new TransactionIntent("CANCEL_ORDER", wallet.id(), Address.of(domain.exchange()), BigInteger.ZERO, ExchangeCalls.cancel(List.of(row.order())),
          CANCEL_GAS, Optional.of(user), "cancel order " + hash, Optional.empty()));
    }
    if (row.state().equals("OPEN")) {
      activity(row.order().side() == Side.SELL ? "LISTING_CANCELLED" : "OFFER_CANCELLED", row.order(), hash, now);
    }
    return book.find(hash).orElseThrow();
  }

  /** Bumps the wallet's counter on-chain (every order it signed so far dies) and cancels its open orders here at once. */
  @Transactional
  int cancelAll(UUID user) {
    Wallet wallet = wallets.walletOf(user).orElseThrow(MarketProblems.NoWallet::new);
    Instant now = clock.instant();
    transactions.enqueue(new TransactionIntent("INCREMENT_COUNTER", wallet.id(), Address.of(domain.exchange()), BigInteger.ZERO, ExchangeCalls.incrementCounter(),
        CANCEL_GAS, Optional.of(user), "cancel all orders", Optional.empty()));
    List<OrderRow> cancelled = book.cancelOpen(wallet.address().hex(), null, null, now);
    cancelled.forEach(row -> activity(row.order().side() == Side.SELL ? "LISTING_CANCELLED" : "OFFER_CANCELLED", row.order(), row.hash(), now));
    return cancelled.size();
  }

  /** The counter the maker's next orders must carry: the chain's, plus bumps we sent that are not mined yet. */
  private BigInteger expectedCounter(Wallet wallet) {
    BigInteger onChain = chainCounter(wallet.address().hex());
    // from_address is stored as the signer gives it (EIP-55), which is the wallet's address
    long pending = jdbc.sql("""
            select count(*) from chain_transactions where kind = 'INCREMENT_COUNTER' and from_address = :address
              and status in ('QUEUED', 'SIGNED', 'SENT')
            """)
        .param("address", wallet.address().checksummed()).query(Long.class).single();
    return onChain.add(BigInteger.valueOf(pending));
  }

  /** The maker's counter as the indexer last saw it on the exchange: orders signed with another one cannot be filled. */
  BigInteger chainCounter(String maker) {
    return jdbc.sql("select coalesce(max(counter), 0) from maker_counters where chain_id = :chain and maker = :maker")
        .param("chain", domain.chainId()).param("maker", maker).query(BigDecimal.class).single().toBigIntegerExact();
  }

  private void activity(String kind, ExchangeOrder order, String hash, Instant now) {
    jdbc.sql("""
            insert into market_activity (kind, chain_id, collection, token_id, order_hash, from_address, currency, price_wei, at)
            values (:kind, :chain, :collection, :token, :hash, :maker, :currency, :price, :now)
            """)
        .param("kind", kind).param("chain", domain.chainId()).param("collection", order.collection()).param("token", order.tokenId())
        .param("hash", hash).param("maker", order.maker()).param("currency", order.currency()).param("price", order.price())
        .param("now", Timestamp.from(now))
        .update();
  }

  private String currency(Side side, @Nullable String requested) {
    String name = requested == null ? (side == Side.SELL ? "ETH" : "WETH") : requested.strip().toUpperCase();
    return switch (name) {
      case "ETH" -> {
        if (side == Side.BUY) {
          throw new MarketProblems.InvalidOrder("offers are paid in WETH (ETH cannot be pulled from a buyer)");
        }
        yield ExchangeOrder.ETH;
      }
      case "WETH" -> weth;
      default -> throw new MarketProblems.InvalidOrder("currency must be ETH or WETH, was " + requested);
    };
  }

  private TokenRef token(NewOrder request) {
    return new TokenRef(ChainId.of(domain.chainId()), Inputs.address("collection", request.collection()),
        Inputs.uint("tokenId", request.tokenId()));
  }
}
