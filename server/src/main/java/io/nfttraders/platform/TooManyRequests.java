package io.nfttraders.platform;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A 429: the request is fine but comes too soon; it says when to ask again ({@code Retry-After} and {@code retryAfterSeconds}). */
public abstract class TooManyRequests extends ApiProblem {

  private final long retryAfterSeconds;

  /** @param retryAfter rounded up to whole seconds, at least one */
  protected TooManyRequests(String type, String title, String detail, Duration retryAfter) {
    super(HttpStatus.TOO_MANY_REQUESTS, type, title, detail);
    this.retryAfterSeconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("retryAfterSeconds", retryAfterSeconds);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Long.toString(retryAfterSeconds));
  }
}
