package io.nfttraders.auctions.internal;

import io.nfttraders.accounts.CurrentUser;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.market.OfferSales.SignedOffer;
import io.nfttraders.platform.ApiProblem;
import io.nfttraders.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seed architecture's bid command, {@code POST /api/v1/nfts/bid}: 200 with the accepted bid's
 * event and sequence number once it is stored, or 409 with the reason it was not accepted.
 *
 * <p>It is the one command answered by a filter rather than a controller, because a hot auction
 * lives on how many bids a second the server can take: Spring MVC's handler lookup, argument
 * resolution and message conversion were about a third of a bid's CPU. It sits right after Spring
 * Security's filter chain, whose chain for this path (SecurityConfiguration) has authenticated the
 * bearer token and refused anyone else, so everything a controller would get from the framework
 * is done here by hand: the JSON body is read into {@link BidRequest}, a malformed one is a 400,
 * another media type a 415, and problems are written as problem+json.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class BidEndpoint extends OncePerRequestFilter {

  static final String PATH = "/api/v1/nfts/bid";

  /**
   * A bid by the account's custodial wallet; or, with {@code signature}, by {@code bidder}'s own key.
   *
   * @param amountWei the bid in wei of WETH; or {@code amount}, a decimal in WETH
   * @param signature a self-custody bid: the bidder's EIP-712 signature of their WETH offer for the
   *     auction's token at the bid (the exchange's Order with side BUY, currency WETH, startTime 0
   *     and {@code endTime}, {@code salt} and {@code counter}); see {@code /bid-typed-data}
   */
  record BidRequest(@Nullable String auctionId, @Nullable String amountWei, @Nullable String amount, @Nullable String bidder,
      @Nullable Instant endTime, @Nullable String salt, @Nullable String counter, @Nullable String signature) {}

  private static final Logger log = LoggerFactory.getLogger(BidEndpoint.class);

  private final Bidding bidding;
  private final BidAnswers answers;
  private final JsonMapper json;

  BidEndpoint(Bidding bidding, BidAnswers answers, JsonMapper json) {
    this.bidding = bidding;
    this.answers = answers;
    this.json = json;
  }

  static boolean isBid(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && onBidPath(request);
  }

  /** The decoded path within the application, as the security chain and MVC match it (a percent-encoded bid path is a bid too). */
  private static boolean onBidPath(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    return PATH.equals(pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo);
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !onBidPath(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    // metrics name the endpoint as MVC would (http_server_requests uri="/api/v1/nfts/bid"), not UNKNOWN
    ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
    if (!isBid(request)) {
      // any other method on the bid's path, as MVC answered it (after the API chain's authentication)
      response.setHeader("Allow", "POST");
      ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
          "A bid is sent with POST"));
      return;
    }
    try {
      bid(request, response);
    } catch (RuntimeException e) {
      // as ProblemHandler does for controllers: our fault, logged and answered under the request id
      String requestId = response.getHeader("X-Request-Id");
      log.error("bid failed requestId={}", requestId, e);
      if (!response.isCommitted() && !request.isAsyncStarted()) {
        ProblemResponses.write(response, ProblemResponses.internalError(requestId));
      }
    }
  }

  private void bid(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Authentication caller = SecurityContextHolder.getContext().getAuthentication();
    if (caller == null || !caller.isAuthenticated()) {
      // the security chain for this path lets no one through unauthenticated; if that ever changed, fail closed (a 500)
      throw new IllegalStateException("a bid reached its endpoint without an authenticated caller");
    }
    if (!isJson(request.getContentType())) {
      ProblemResponses.write(response, ProblemResponses.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
          "Unsupported Media Type", "A bid is sent as application/json"));
      return;
    }
    BidRequest bid;
    try {
      bid = json.readValue(request.getInputStream(), BidRequest.class);
    } catch (JacksonException | IOException e) {
      ProblemResponses.write(response, ProblemResponses.unreadableBody(e));
      return;
    }
    if (bid == null) {
      // a JSON null, as MVC answered a missing body
      ProblemResponses.write(response, ProblemResponses.unreadableBody(new IllegalArgumentException("a bid is a JSON object")));
      return;
    }
    try {
      UUID auction = AuctionInputs.auctionId(bid.auctionId());
      answers.answer(place(bid, auction, caller, BidArrivals.arrivedAt(request)), auction, request, response);
    } catch (ApiProblem problem) {
      ProblemResponses.write(response, problem);
    }
  }

  private CompletableFuture<Bidding.Placed> place(BidRequest request, UUID auction, Authentication caller, long arrived) {
    BigInteger amount = AuctionInputs.amount("amountWei", request.amountWei(), "amount", request.amount(), true);
    UUID user = CurrentUser.id(caller);
    if (request.signature() == null) {
      return bidding.place(user, auction, amount, arrived);
    }
    String bidder = AuctionInputs.bidder(request.bidder());
    CurrentUser.selfCustodyAddress(caller).filter(own -> !own.hex().equals(bidder)).ifPresent(own -> {
      throw new AuctionProblems.InvalidBid("this account signs in as " + own + "; its bids must be made and signed by that address");
    });
    BigInteger salt = AuctionInputs.uint("salt", request.salt());
    BigInteger counter = AuctionInputs.uint("counter", request.counter());
    if (request.endTime() == null) {
      throw new AuctionProblems.InvalidBid("a signed bid needs the endTime it was signed with");
    }
    return bidding.placeSigned(user, auction, a -> new SignedOffer(Address.of(bidder), a.token(), a.amount(), Wei.of(amount), request.endTime(), salt, counter,
        request.signature()), arrived);
  }

  private static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      // application/json, or a JSON-based type such as application/merge-patch+json, as Jackson's converter took them under MVC
      return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "application".equals(type.getType()) && "json".equals(type.getSubtypeSuffix());
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }
}
