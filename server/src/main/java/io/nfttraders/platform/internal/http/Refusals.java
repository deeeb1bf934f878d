package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.ProblemResponses;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ProblemDetail;

/**
 * Answers a request whose body will not be read, and closes its connection. Tomcat would otherwise
 * read ("swallow") the rest of the body after the answer to keep the connection, holding a request
 * thread for as long as a slow client takes; an asynchronous request closed with
 * {@code Connection: close} skips that.
 */
final class Refusals {

  private static final Logger log = LoggerFactory.getLogger(Refusals.class);

  private Refusals() {}

  static void refuse(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem) {
    // said first: once completed, the request may be recycled for another at once
    log.info("request body refused status={} type={} method={} path={}", problem.getStatus(), problem.getType(), request.getMethod(),
        request.getRequestURI());
    AsyncContext async = request.isAsyncStarted() ? request.getAsyncContext() : request.startAsync();
    try {
      if (!response.isCommitted()) {
        response.setHeader("Connection", "close");
        ProblemResponses.write(response, problem);
        // sent before completing: after a read error the container closes the connection at once
        response.flushBuffer();
      }
    } catch (IOException e) {
      log.info("request body refused, answer not delivered status={} reason={}", problem.getStatus(), e.toString());
    } finally {
      async.complete();
    }
  }
}
