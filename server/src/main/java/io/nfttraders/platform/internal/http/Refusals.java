package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.ProblemResponses;
import io.nfttraders.platform.internal.RequestIdFilter;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;

/**
 * Answers a request that will not be served; if its body will not be read, closes its connection.
 * Tomcat would otherwise read ("swallow") the rest of the body after the answer to keep the
 * connection, holding a request thread for as long as a slow client takes; an asynchronous request
 * closed with {@code Connection: close} skips that.
 */
final class Refusals {

  private static final Logger log = LoggerFactory.getLogger(Refusals.class);

  private Refusals() {}

  static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) {
    // said first: once completed, the request may be recycled for another at once
    log.info("request refused status={} type={} method={} path={} requestId={}", problem.getStatus(), problem.getType(), request.getMethod(),
        request.getRequestURI(), request.getAttribute(RequestIdFilter.ATTRIBUTE));
    if (!BodyRules.hasBody(request)) {
      write(response, problem, false);
      return;
    }
    AsyncContext async = request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync();
    try {
      write(response, problem, true);
    } finally {
      async.complete();
    }
  }

  private static void write(HttpServletResponse response, ProblemDetail problem, boolean close) {
    try {
      if (!response.isCommitted()) {
        if (close) {
          response.setHeader("Connection", "close");
        }
        ProblemResponses.write(response, problem);
        // sent before completing (after a read error the container closes the connection at once),
        // and closed: the container also answers a read error on its error page, which would follow
        response.getOutputStream().close();
      }
    } catch (IOException e) {
      log.info("refusal not delivered status={} reason={}", problem.getStatus(), e.toString());
    }
  }
}
