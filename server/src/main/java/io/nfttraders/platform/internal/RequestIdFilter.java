package io.nfttraders.platform.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every request an id (the caller's {@code X-Request-Id} if sane) that logs and errors carry. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

  static final String MDC_KEY = "requestId";
  /** The request attribute holding the request's id, for what runs where the logging context is not set. */
  public static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
  static final String HEADER = "X-Request-Id";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A request dispatched again (its body received, or an asynchronous answer) logs under the id it was given. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id;
    if (request.getAttribute(ATTRIBUTE) instanceof String known) {
      id = known;
    } else {
      String given = request.getHeader(HEADER);
      id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
      request.setAttribute(ATTRIBUTE, id);
    }
    MDC.put(MDC_KEY, id);
    response.setHeader(HEADER, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(MDC_KEY);
    }
  }
}
