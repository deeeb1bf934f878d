package io.nfttraders.chain;

import io.nfttraders.platform.ApiProblem;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A chain's node did not answer (down, timed out, refused the connection, or answered nonsense).
 * Workers retry; a request that needed the node answers 503 {@code chain-unavailable}, naming the
 * chain. The message, which tells what failed against which node, is for our logs only.
 */
public class ChainUnavailable extends ApiProblem {

  private static final int RETRY_AFTER_SECONDS = 5;

  private final long chainId;

  public ChainUnavailable(long chainId, String message, @Nullable Throwable cause) {
    super(HttpStatus.SERVICE_UNAVAILABLE, "chain-unavailable", "Chain unavailable", message, cause);
    this.chainId = chainId;
  }

  public long chainId() {
    return chainId;
  }

  @Override
  public String detail() {
    return "The node of chain " + chainId + " does not answer; try again shortly";
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("chainId", chainId, "retryAfterSeconds", RETRY_AFTER_SECONDS);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
  }
}
