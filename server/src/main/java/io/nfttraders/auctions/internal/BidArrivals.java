package io.nfttraders.auctions.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stamps each bid with the moment it reached the server, before anything else works on it
 * (authentication, parsing): the order bids are decided in is the order of these stamps, not the
 * order in which request threads happen to get to the auction ({@link ArrivalOrder}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BidArrivals extends OncePerRequestFilter {

  private static final String ARRIVED = BidArrivals.class.getName() + ".arrived";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !BidEndpoint.isBid(request);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
    request.setAttribute(ARRIVED, System.nanoTime());
    chain.doFilter(request, response);
  }

  /** The request's arrival ({@link System#nanoTime()}), or now if it was not stamped. */
  static long arrivedAt(HttpServletRequest request) {
    return request.getAttribute(ARRIVED) instanceof Long stamp ? stamp : System.nanoTime();
  }
}
