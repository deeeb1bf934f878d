package io.nfttraders.chain;

/** The node refused a log query as too large (result count or block range); ask for less. */
public class TooManyLogs extends RuntimeException {
  public TooManyLogs(String message) {
    super(message);
  }
}
