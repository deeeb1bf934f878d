package io.nfttraders.platform.internal;

import io.nfttraders.platform.ApiProblem;
import io.nfttraders.platform.ProblemResponses;
import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** The one place where errors become RFC 9457 problem+json responses. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  @ExceptionHandler(ApiProblem.class)
  ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
    ProblemDetail body = ProblemResponses.detail(problem);
    logged(body);
    if (problem.status().is5xxServerError()) {
      // what failed behind it (a node's error, say) is for us: the client's detail does not say
      log.warn("request failed status={} type={} requestId={}: {}", body.getStatus(), body.getType(), MDC.get(RequestIdFilter.MDC_KEY),
          problem.getMessage());
    }
    HttpHeaders headers = new HttpHeaders();
    problem.headers().forEach(headers::add);
    return ResponseEntity.status(problem.status())
        .headers(headers)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(body);
  }

  /** Anything unexpected is our fault: a 500 that names the request id, never the internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    log.error("unhandled error requestId={}", MDC.get(RequestIdFilter.MDC_KEY), e);
    ProblemDetail body = ProblemResponses.internalError(MDC.get(RequestIdFilter.MDC_KEY));
    return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /** A client's mistake is worth one line (what and which request), never a stack trace. */
  private static void logged(ProblemDetail problem) {
    if (problem.getStatus() < 500) {
      log.info("request refused status={} type={} requestId={}", problem.getStatus(), problem.getType(), MDC.get(RequestIdFilter.MDC_KEY));
    }
  }

  /** A multipart body that reached a controller malformed (the intake parses uploads first, so this is a second line). */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ProblemDetail> malformedMultipart(MultipartException e) {
    return problem(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-multipart", "Malformed multipart body",
        "The multipart body is malformed or cut short"));
  }

  /** A query string or form field Tomcat could not decode, met where a parameter is read. */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> malformedParameters(InvalidParameterException e) {
    return problem(ProblemResponses.problem(HttpStatus.BAD_REQUEST, "malformed-query", "Malformed query string",
        "The query string's parameters are not valid percent-encoded UTF-8 (e.g. %zz or a stray %)"));
  }

  private static ResponseEntity<ProblemDetail> problem(ProblemDetail body) {
    logged(body);
    return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  /**
   * Spring's own problems (405, 406, 415, 413...) get a stable type too, not about:blank, and are
   * always problem+json: left to content negotiation, an Accept header without JSON in it would
   * leave them with no body at all.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        String slug = status == null ? "http-" + statusCode.value() : status.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        problem.setType(ProblemResponses.type(slug));
      }
      logged(problem);
      // the framework's headers may be read-only (an ErrorResponse's own)
      HttpHeaders problemHeaders = new HttpHeaders();
      problemHeaders.putAll(headers);
      problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      return super.createResponseEntity(body, problemHeaders, statusCode, request);
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(f -> Map.of("field", f.getField(), "message", String.valueOf(f.getDefaultMessage())))
            .toList();
    ProblemDetail body =
        ProblemResponses.problem(
            HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "One or more fields are invalid");
    body.setProperty("errors", errors);
    logged(body);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    ProblemDetail body = ProblemResponses.unreadableBody(ex);
    logged(body);
    return ResponseEntity.status(body.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
  }
}
