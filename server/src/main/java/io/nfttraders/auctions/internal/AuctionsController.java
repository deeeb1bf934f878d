package io.nfttraders.auctions.internal;

import io.nfttraders.accounts.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
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

/** Auction commands (create, bid) and reads (the auction, its events). A bid's answer is the sequencer's decision. */
@RestController
class AuctionsController {

  /** @param amountWei the bid in wei of WETH; or {@code amount}, a decimal in WETH */
  record BidRequest(@Nullable String auctionId, @Nullable String amountWei, @Nullable String amount) {}

  private final AuctionCreation creation;
  private final Bidding bidding;
  private final BidAnswers answers;
  private final FraudHolds holds;
  private final AuctionRegistry registry;
  private final AuctionLog log;
  private final Clock clock;

  AuctionsController(AuctionCreation creation, Bidding bidding, BidAnswers answers, FraudHolds holds, AuctionRegistry registry, AuctionLog log,
      Clock clock) {
    this.holds = holds;
    this.creation = creation;
    this.bidding = bidding;
    this.answers = answers;
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
   * The seed architecture's bid command: 200 with the accepted bid's event and sequence number once
   * it is stored, or 409 with the reason it was not accepted.
   */
  @PostMapping("/api/v1/nfts/bid")
  void bid(@RequestBody BidRequest request, Authentication authentication, HttpServletRequest http, HttpServletResponse response)
      throws IOException {
    UUID auction = AuctionInputs.auctionId(request.auctionId());
    BigInteger amount = AuctionInputs.amount("amountWei", request.amountWei(), "amount", request.amount(), true);
    // refusals, the common answer in a hot auction, are written by BidAnswers: MVC's exception resolution cost a tenth of a bid's CPU
    answers.answer(bidding.place(CurrentUser.id(authentication), auction, amount, BidArrivals.arrivedAt(http)), auction, http, response);
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
    return AuctionView.of(auction.auction(), auction.state(), clock.instant());
  }

  private LiveAuction live(UUID id) {
    return registry.find(id).orElseThrow(() -> new AuctionProblems.AuctionNotFound(id.toString()));
  }
}
