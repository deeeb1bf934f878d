package io.nfttraders.platform;

import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A client-visible failure, named as a fact (e.g. {@code EmailAlreadyRegistered}). Every
 * capability's errors extend this; one handler turns them into RFC 9457 problem+json, so the
 * status, type and title of an error are decided where the error is defined.
 */
public abstract class ApiProblem extends RuntimeException {

  private final HttpStatus status;
  private final String type;
  private final String title;

  protected ApiProblem(HttpStatus status, String type, String title, String detail) {
    this(status, type, title, detail, null);
  }

  /** With the failure that caused it, for our logs (a client sees only {@link #detail}). */
  protected ApiProblem(HttpStatus status, String type, String title, String detail, @Nullable Throwable cause) {
    super(detail, cause, false, false);
    this.status = status;
    this.type = type;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  /** A stable, documented problem type, e.g. {@code https://nfttraders.io/problems/weak-password}. */
  public URI type() {
    return URI.create("https://nfttraders.io/problems/" + type);
  }

  public String title() {
    return title;
  }

  public String detail() {
    return getMessage();
  }

  /** Extra members of the problem document (e.g. {@code retryAfterSeconds}). */
  public Map<String, Object> properties() {
    return Map.of();
  }

  /** HTTP headers to add (e.g. {@code Retry-After}). */
  public Map<String, String> headers() {
    return Map.of();
  }
}
