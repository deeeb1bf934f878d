package io.nfttraders.platform.internal.http;

import io.nfttraders.platform.ApiProblem;
import io.nfttraders.platform.ProblemResponses;
import io.nfttraders.platform.RequestBodies;
import io.nfttraders.platform.SignedInCallers;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Receives every request body in full before anything else works on the request, without holding
 * a request thread while it arrives.
 *
 * <p>The limits come first, from the headers alone: the media type the route takes, the declared
 * size, and for an upload a signed-in caller ({@link BodyRules}); a refusal closes the connection
 * unread ({@link Refusals}). A body that has already arrived with its headers, as nearly every
 * small one has, is taken at once and the request goes on. Any other is received asynchronously
 * ({@link BodyReception}): the request thread is returned to the pool, the container hands over
 * bytes as they come, and once the body is whole the request is dispatched again, this time with
 * its body, through the filters behind this one ({@link ReceivedRequest}). Those filters, Spring
 * Security among them, run for the first time on that dispatch.
 */
@Component
@Order(RequestBodies.FILTER_ORDER)
class BodyIntake extends OncePerRequestFilter {

  static final String RECEIVED = BodyIntake.class.getName() + ".received";

  private final BodyRules rules;
  private final HttpProperties limits;
  private final SignedInCallers callers;
  private final SlowBodies slowBodies;
  private final File temporaryFiles = new File(System.getProperty("java.io.tmpdir"));

  BodyIntake(BodyRules rules, HttpProperties limits, SignedInCallers callers, SlowBodies slowBodies) {
    this.rules = rules;
    this.limits = limits;
    this.callers = callers;
    this.slowBodies = slowBodies;
  }

  /** The second dispatch of a slowly received body comes through here to pick the body up. */
  @Override
  protected boolean shouldNotFilterAsyncDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getDispatcherType() == DispatcherType.ASYNC) {
      if (request.getAttribute(RECEIVED) instanceof ReceivedBody received) {
        request.removeAttribute(RECEIVED);
        ReceivedRequest withBody = received.wrap(request);
        withBody.redispatch(true);
        try {
          chain.doFilter(withBody, response);
        } finally {
          // the body is discarded when the request completes (BodyReception)
          withBody.redispatch(false);
        }
      } else {
        chain.doFilter(request, response);
      }
      return;
    }
    BodyRules.Rule rule;
    MediaType type;
    try {
      @Nullable MediaType declared = BodyRules.contentType(request);
      HeaderAndQueryChecks.checkAccept(request);
      HeaderAndQueryChecks.checkQuery(request, declared);
      if (!BodyRules.hasBody(request)) {
        chain.doFilter(request, response);
        return;
      }
      HeaderAndQueryChecks.checkContentEncoding(request);
      rule = rules.ruleFor(request);
      type = BodyRules.check(rule, declared);
      if (rule.upload() && !callers.isSignedIn(request)) {
        Refusals.refuse(request, response, ProblemResponses.unauthorized());
        return;
      }
      if (request.getContentLengthLong() > rule.maxBytes()) {
        throw new BodyProblems.TooLarge("The request body of " + request.getContentLengthLong() + " bytes exceeds the " + rule.maxBytes()
            + " bytes this route takes");
      }
    } catch (ApiProblem problem) {
      Refusals.refuse(request, response, ProblemResponses.detail(problem));
      return;
    }
    receive(request, response, chain, rule, type);
  }

  private void receive(HttpServletRequest request, HttpServletResponse response, FilterChain chain, BodyRules.Rule rule, MediaType type)
      throws IOException, ServletException {
    ContinueValve.acknowledge(request);
    BodyBuffer body = new BodyBuffer((int) limits.uploads().memoryThreshold().toBytes(), request.getContentLengthLong());
    ServletInputStream in = request.getInputStream();
    BodyReception.Completion completion = whole -> received(whole, rule, type);
    // only a body of declared length: reading a chunked one parses its framing, which can wait on the client
    if (request.getContentLengthLong() > 0) {
      try {
        if (!readWhatHasArrived(in, body, rule.maxBytes())) {
          body.close();
          Refusals.refuse(request, response, ProblemResponses.detail(new BodyProblems.TooLarge("The request body exceeds the " + rule.maxBytes()
              + " bytes this route takes")));
          return;
        }
      } catch (IOException e) {
        body.close();
        throw e;
      }
      if (in.isFinished()) {
        ReceivedBody received;
        try {
          received = completion.receive(body);
        } catch (ApiProblem problem) {
          Refusals.refuse(request, response, ProblemResponses.detail(problem));
          return;
        }
        proceed(received, request, response, chain);
        return;
      }
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(0);
    BodyReception reception = new BodyReception(request, response, async, body, rule.maxBytes(), completion);
    slowBodies.watch(reception);
    in.setReadListener(reception);
  }

  /**
   * Takes the bytes Tomcat already holds: available() counts only those, so none of these reads
   * waits on the client. False if they are more than {@code maxBytes}.
   */
  private static boolean readWhatHasArrived(ServletInputStream in, BodyBuffer body, long maxBytes) throws IOException {
    while (!in.isFinished() && in.available() > 0) {
      if (body.readFrom(in) < 0) {
        break;
      }
      if (body.size() > maxBytes) {
        return false;
      }
    }
    return true;
  }

  /** The body, checked as what its route takes; it is discarded if it is refused. */
  private ReceivedBody received(BodyBuffer body, BodyRules.Rule rule, MediaType type) {
    try {
      if (!rule.upload()) {
        // JSON is UTF-8 (RFC 8259); Jackson would take some malformed sequences (C0 AF as "/")
        if (!body.isUtf8()) {
          throw new BodyProblems.MalformedBody("The request body is not UTF-8 text");
        }
        return new ReceivedBody(body, null);
      }
      return new ReceivedBody(body, MultipartBody.parse(body, type.toString(), charset(type), limits.uploads(), temporaryFiles));
    } catch (RuntimeException e) {
      body.close();
      throw e;
    }
  }

  private void proceed(ReceivedBody received, HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(received.wrap(request), response);
    } finally {
      received.discardWhenDone(request);
    }
  }

  private static Charset charset(MediaType type) {
    @Nullable Charset charset = type.getCharset();
    return charset == null ? StandardCharsets.UTF_8 : charset;
  }
}
