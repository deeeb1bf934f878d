package io.nfttraders.platform.internal.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * An error answered with a status and no body (a framework's fallback, such as the GraphQL route's
 * 405 for a GET) gets a problem document, so that every error a client sees is problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ErrorBodies extends OncePerRequestFilter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** A request dispatched again with its body (BodyIntake) is answered on that dispatch. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    BodyWatch watched = new BodyWatch(response);
    chain.doFilter(request, watched);
    if (response.getStatus() >= 400 && !watched.bodyStarted && !response.isCommitted() && !request.isAsyncStarted()) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getOutputStream().write(JSON.writeValueAsBytes(StatusProblem.of(response.getStatus(), response.getHeader("X-Request-Id"))));
    }
  }

  /** Notes whether anyone began a body; sendError is left alone (it is answered by the error page, ProblemErrorController). */
  private static final class BodyWatch extends HttpServletResponseWrapper {
    private boolean bodyStarted;

    BodyWatch(HttpServletResponse response) {
      super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      bodyStarted = true;
      return super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      bodyStarted = true;
      return super.getWriter();
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
      bodyStarted = true;
      super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
      bodyStarted = true;
      super.sendError(sc);
    }
  }
}
