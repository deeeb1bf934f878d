package io.nfttraders.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem documents, for the MVC exception handler and for filters (security,
 * body limits) that answer before a controller runs.
 */
public final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** A qualified Java name's packages and enclosing classes, as in `io.nfttraders.market.internal.NewOrder` or `java.time.Instant`. */
  private static final Pattern PACKAGES = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+(?:[A-Z]\\w*\\$)*(?=[A-Z])");

  private ProblemResponses() {}

  public static URI type(String slug) {
    return URI.create("https://nfttraders.io/problems/" + slug);
  }

  public static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setTitle(title);
    return problem;
  }

  /** Our fault, not the client's: a 500 that names the request id the failure was logged under, never the internals. */
  public static ProblemDetail internalError(@Nullable String requestId) {
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
        "The server failed to handle this request; it has been logged under request id " + requestId);
  }

  /** No valid access token where one is needed. */
  public static ProblemDetail unauthorized() {
    return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", "A valid access token is required (Authorization: Bearer ...)");
  }

  /** The answer to a JSON body that could not be read (its size was checked as it was received), naming the field where it went wrong. */
  public static ProblemDetail unreadableBody(Throwable failure) {
    String detail = "The request body is missing or is not valid JSON of the expected shape";
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DatabindException bad && !bad.getPath().isEmpty()) {
        detail += ": at " + jsonPath(bad.getPath()) + ", " + withoutPackages(bad.getOriginalMessage());
        break;
      }
      if (t instanceof JacksonException bad) {
        // malformed JSON, or a key given twice: where the parser stopped
        detail += ": " + withoutPackages(bad.getOriginalMessage());
        break;
      }
    }
    return problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request body", detail);
  }

  /** Java types named by their simple names: the message is the client's, our packages are not. */
  private static String withoutPackages(String message) {
    return PACKAGES.matcher(message).replaceAll("");
  }

  /** The field a reading error happened at, as a client names it: {@code attributes[0].value}. */
  private static String jsonPath(List<JacksonException.Reference> path) {
    StringBuilder named = new StringBuilder();
    for (JacksonException.Reference step : path) {
      if (step.getPropertyName() != null) {
        named.append(named.isEmpty() ? "" : ".").append(step.getPropertyName());
      } else if (step.getIndex() >= 0) {
        named.append('[').append(step.getIndex()).append(']');
      }
    }
    return named.isEmpty() ? "the root" : named.toString();
  }

  /** Writes a capability's problem, with its properties and headers, directly to a servlet response (outside Spring MVC). */
  public static void write(HttpServletResponse response, ApiProblem error) throws IOException {
    error.headers().forEach(response::setHeader);
    write(response, detail(error));
  }

  /** A capability's problem as a problem document (its headers are not part of it). */
  public static ProblemDetail detail(ApiProblem error) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(error.status(), error.detail());
    problem.setType(error.type());
    problem.setTitle(error.title());
    error.properties().forEach(problem::setProperty);
    return problem;
  }

  /** Writes a problem directly to a servlet response (outside Spring MVC). */
  public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", problem.getType().toString());
    body.put("title", problem.getTitle());
    body.put("status", problem.getStatus());
    body.put("detail", problem.getDetail());
    if (problem.getInstance() != null) {
      body.put("instance", problem.getInstance().toString());
    }
    if (problem.getProperties() != null) {
      body.putAll(problem.getProperties());
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getOutputStream().write(JSON.writeValueAsBytes(body));
  }
}
