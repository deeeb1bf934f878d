package io.nfttraders.market.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TypedData;
import io.nfttraders.platform.IdempotentRequests;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trading commands: list, offer, buy, accept, cancel. Taking an order answers 202 with the trade to follow. */
@RestController
class TradingController {

  private static final Pattern ORDER_HASH = Pattern.compile("0x[0-9a-fA-F]{64}");

  record BuyRequest(@Nullable String orderHash) {}

  /**
   * An order to sign with one's own key, and the values to send back with the signature.
   *
   * @param typedDataJson deprecated: the same typed data as one {@code eth_signTypedData_v4} string
   *     (EIP712Domain included), as this field was named before; to be removed in the next release
   */
  record OrderToSign(TypedData typedData, String hash, String maker, String priceWei, String currency, Instant startTime, Instant endTime,
      String salt, String counter, String typedDataJson) {}

  private final OrderPlacement placement;
  private final OrderTaking taking;
  private final OrderBook book;
  private final IdempotentRequests idempotent;
  private final Clock clock;

  TradingController(OrderPlacement placement, OrderTaking taking, OrderBook book, IdempotentRequests idempotent, Clock clock) {
    this.placement = placement;
    this.taking = taking;
    this.book = book;
    this.idempotent = idempotent;
    this.clock = clock;
  }

  @PostMapping("/api/v1/listings")
  ResponseEntity<OrderView> list(@RequestBody NewOrder request, Authentication authentication) {
    return created(placement.place(CurrentUser.id(authentication), Side.SELL, ownSignature(request, authentication)));
  }

  @PostMapping("/api/v1/offers")
  ResponseEntity<OrderView> offer(@RequestBody NewOrder request, Authentication authentication) {
    return created(placement.place(CurrentUser.id(authentication), Side.BUY, ownSignature(request, authentication)));
  }

  @PostMapping("/api/v1/listings/typed-data")
  OrderToSign listingToSign(@RequestBody NewOrder request, Authentication authentication) {
    return toSign(Side.SELL, request, authentication);
  }

  @PostMapping("/api/v1/offers/typed-data")
  OrderToSign offerToSign(@RequestBody NewOrder request, Authentication authentication) {
    return toSign(Side.BUY, request, authentication);
  }

  private OrderToSign toSign(Side side, NewOrder request, Authentication authentication) {
    CurrentUser.selfCustodyAddress(authentication).filter(own -> !own.hex().equalsIgnoreCase(String.valueOf(request.maker()))).ifPresent(own -> {
      throw new MarketProblems.InvalidOrder("this account signs in as " + own + "; its orders must be made by that address");
    });
    ExchangeOrder order = placement.toSign(side, request);
    TypedData typedData = order.typedData(placement.domain());
    return new OrderToSign(typedData, order.hash(placement.domain()), Address.of(order.maker()).checksummed(), order.price().toString(),
        order.paidInEth() ? "ETH" : "WETH", Instant.ofEpochSecond(order.startTime()), Instant.ofEpochSecond(order.endTime()),
        order.salt().toString(), order.counter().toString(), typedData.v4Json());
  }

  /** A self-custody account places only orders its own address signed (anyone's signature proves consent, not whose order it is here). */
  private static NewOrder ownSignature(NewOrder request, Authentication authentication) {
    CurrentUser.selfCustodyAddress(authentication).ifPresent(own -> {
      if (request.signature() != null && !own.hex().equalsIgnoreCase(String.valueOf(request.maker()))) {
        throw new MarketProblems.InvalidOrder("this account signs in as " + own + "; its orders must be made and signed by that address");
      }
    });
    return request;
  }

  @GetMapping("/api/v1/orders/{hash}")
  OrderView order(@PathVariable String hash) {
    return view(book.find(orderHash(hash)).orElseThrow(() -> new MarketProblems.OrderNotFound(hash)));
  }

  @GetMapping("/api/v1/user/orders")
  List<OrderView> mine(@RequestParam(defaultValue = "50") int limit, Authentication authentication) {
    return book.madeBy(CurrentUser.id(authentication), Math.clamp(limit, 1, 200)).stream().map(this::view).toList();
  }

  @DeleteMapping("/api/v1/orders/{hash}")
  OrderView cancel(@PathVariable String hash, @RequestParam(defaultValue = "false") boolean onChain, Authentication authentication) {
    return view(placement.cancel(CurrentUser.id(authentication), orderHash(hash), onChain));
  }

  @PostMapping("/api/v1/orders/cancel-all")
  Map<String, Integer> cancelAll(Authentication authentication) {
    return Map.of("cancelled", placement.cancelAll(CurrentUser.id(authentication)));
  }

  /** The seed architecture's purchase command. */
  @PostMapping("/api/v1/nfts/buy")
  ResponseEntity<TradeView> buy(@RequestBody BuyRequest request, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      Authentication authentication) {
    UUID user = CurrentUser.id(authentication);
    String hash = orderHash(request.orderHash());
    return accepted(idempotent.run(user, key, "buy " + hash, TradeView.class,
        () -> new IdempotentRequests.Answer<>(HttpStatus.ACCEPTED.value(), taking.buy(user, hash))));
  }

  @PostMapping("/api/v1/offers/{hash}/accept")
  ResponseEntity<TradeView> accept(@PathVariable String hash, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
      Authentication authentication) {
    UUID user = CurrentUser.id(authentication);
    String orderHash = orderHash(hash);
    return accepted(idempotent.run(user, key, "accept " + orderHash, TradeView.class,
        () -> new IdempotentRequests.Answer<>(HttpStatus.ACCEPTED.value(), taking.accept(user, orderHash))));
  }

  @GetMapping("/api/v1/trades/{id}")
  TradeView trade(@PathVariable UUID id, Authentication authentication) {
    return taking.trade(CurrentUser.id(authentication), id).orElseThrow(() -> new MarketProblems.TradeNotFound(id.toString()));
  }

  private OrderView view(OrderRow row) {
    return OrderView.of(row, placement.weth(), clock.instant());
  }

  private ResponseEntity<OrderView> created(OrderRow row) {
    return ResponseEntity.created(URI.create("/api/v1/orders/" + row.hash())).body(view(row));
  }

  private static ResponseEntity<TradeView> accepted(IdempotentRequests.Answer<TradeView> answer) {
    return ResponseEntity.status(answer.status()).location(URI.create("/api/v1/trades/" + answer.body().id())).body(answer.body());
  }

  private static String orderHash(@Nullable String value) {
    if (value == null || !ORDER_HASH.matcher(value).matches()) {
      throw new MarketProblems.InvalidOrder("an order hash is 0x and 64 hex digits");
    }
    return value.toLowerCase();
  }
}
