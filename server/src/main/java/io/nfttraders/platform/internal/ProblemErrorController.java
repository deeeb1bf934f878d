package io.nfttraders.platform.internal;

import io.nfttraders.platform.internal.http.StatusProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error page: what the container forwards to after {@code sendError} (a static file's 404, a
 * TRACE's 405, a body whose framing broke while it was read) or an exception that escaped every
 * filter. Answers in problem+json, in place of Spring Boot's own JSON.
 */
@RestController
class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<StatusProblem> error(HttpServletRequest request) {
    int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
    String requestId = (String) request.getAttribute(RequestIdFilter.ATTRIBUTE);
    if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
      log.error("unhandled error requestId={}", requestId, failure);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(StatusProblem.of(status, requestId));
  }
}
