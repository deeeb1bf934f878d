package io.nfttraders.auctions.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.platform.ClientTimes;
import io.nfttraders.market.OfferSales;
import io.nfttraders.market.OfferSales.SignedOffer;
import io.nfttraders.ethereum.TypedData;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auction commands (create, cancel, holds) and reads (the auction, its events); bids have their own endpoint ({@link BidEndpoint}). */
@RestController
class AuctionsController {

  /**
   * What a self-custody bidder signs (EIP-712 typed data), and the values chosen for it to send back
   * with the signature.
   *
   * @param typedDataJson deprecated: the same typed data as one {@code eth_signTypedData_v4} string, as this field was named before;
   *     to be removed in the next release
   */
  record BidToSign(TypedData typedData, String bidder, String amountWei, Instant endTime, String salt, String counter, String typedDataJson) {}

  private static final SecureRandom SALTS = new SecureRandom();

  private final AuctionCreation creation;
  private final FraudHolds holds;
  private final SellerCancellation cancellation;
  private final AuctionRegistry registry;
  private final AuctionLog log;
  private final OfferSales sales;
  private final Clock clock;

  AuctionsController(AuctionCreation creation, FraudHolds holds, SellerCancellation cancellation,
      AuctionRegistry registry, AuctionLog log,
      OfferSales sales, Clock clock) {
    this.sales = sales;
    this.holds = holds;
    this.cancellation = cancellation;
    this.creation = creation;
    this.registry = registry;
    this.log = log;
    this.clock = clock;
  }

  @PostMapping("/api/v1/auctions")
  ResponseEntity<AuctionView> create(@RequestBody NewAuction request, Authentication authentication) {
    Auction auction = creation.create(CurrentUser.id(authentication), request);
    return ResponseEntity.created(URI.create("/api/v1/auctions/" + auction.id())).body(view(auction.id()));
  }

  @GetMapping("/api/v1/auctions/{id}")
  AuctionView auction(@PathVariable String id) {
    return view(AuctionInputs.auctionId(id));
  }

  /** The auction's events after {@code after} (a sequence number), in order: what a client that saw event {@code after} missed. */
  @GetMapping("/api/v1/auctions/{id}/events")
  List<AuctionEventView> events(@PathVariable String id, @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
    LiveAuction auction = live(AuctionInputs.auctionId(id));
    return log.after(auction.auction().id(), Math.max(0, after), Math.clamp(limit, 1, 1000)).stream().map(AuctionEventView::of).toList();
  }

  /**
   * The EIP-712 typed data a self-custody bidder signs for a bid of {@code amountWei} (or
   * {@code amount}): a fresh salt, the bidder's current counter, and an end a week after the
   * auction's (or {@code endTime}), late enough for settlement.
   */
  @GetMapping("/api/v1/auctions/{id}/bid-typed-data")
  BidToSign bidTypedData(@PathVariable String id, @RequestParam(required = false) String bidder, @RequestParam(required = false) String amountWei,
      @RequestParam(required = false) String amount, @RequestParam(required = false) @Nullable Instant endTime) {
    LiveAuction auction = live(AuctionInputs.auctionId(id));
    String address = AuctionInputs.bidder(bidder);
    BigInteger wei = AuctionInputs.amount("amountWei", amountWei, "amount", amount, true);
    if (endTime != null && (!endTime.isAfter(clock.instant()) || !ClientTimes.inRange(endTime))) {
      throw new AuctionProblems.InvalidBid("endTime must be in the future, and before " + ClientTimes.LATEST);
    }
    Instant endsAt = auction.published().endsAt();
    Instant end = (endTime != null ? endTime : (endsAt != null ? endsAt : clock.instant().plus(auction.auction().terms().duration()))
        .plus(Duration.ofDays(7))).truncatedTo(ChronoUnit.SECONDS);
    Address maker = Address.of(address);
    SignedOffer unsigned = new SignedOffer(maker, auction.auction().token(), auction.auction().amount(), Wei.of(wei), end, new BigInteger(128, SALTS),
        sales.counter(maker), "");
    TypedData typedData = sales.typedData(unsigned);
    return new BidToSign(typedData, address, wei.toString(), end, unsigned.salt().toString(), unsigned.counter().toString(), typedData.v4Json());
  }

  /** The seller takes the auction back; only before its first bid (409 after). */
  @PostMapping("/api/v1/auctions/{id}/cancel")
  AuctionEventView cancel(@PathVariable String id, Authentication authentication) {
    return AuctionEventView.of(cancellation.cancel(CurrentUser.id(authentication), live(AuctionInputs.auctionId(id))));
  }

  record HoldRequest(@Nullable String reason) {}

  /** A fraud hold (ADMIN): no bid is taken and the auction is not closed or settled until the hold is lifted. */
  @PostMapping("/api/v1/admin/auctions/{id}/hold")
  AuctionEventView hold(@PathVariable String id, @RequestBody HoldRequest request) {
    return AuctionEventView.of(holds.hold(live(AuctionInputs.auctionId(id)), true, request.reason()));
  }

  @PostMapping("/api/v1/admin/auctions/{id}/release")
  AuctionEventView release(@PathVariable String id, @RequestBody HoldRequest request) {
    return AuctionEventView.of(holds.hold(live(AuctionInputs.auctionId(id)), false, request.reason()));
  }

  private AuctionView view(UUID id) {
    LiveAuction auction = live(id);
    return AuctionView.of(auction.auction(), auction.published(), clock.instant());
  }

  private LiveAuction live(UUID id) {
    return registry.find(id).orElseThrow(() -> new AuctionProblems.AuctionNotFound(id.toString()));
  }
}
