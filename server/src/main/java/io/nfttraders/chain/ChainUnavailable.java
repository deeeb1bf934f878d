package io.nfttraders.chain;

/** The node did not answer (down, timed out, or refused the connection). */
public class ChainUnavailable extends RuntimeException {
  public ChainUnavailable(String message, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
  }
}
