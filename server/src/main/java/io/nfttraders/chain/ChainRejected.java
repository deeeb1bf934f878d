package io.nfttraders.chain;

/** The node answered with a JSON-RPC error (e.g. nonce too low, insufficient funds). */
public class ChainRejected extends RuntimeException {
  private final int code;

  public ChainRejected(String method, int code, String message) {
    super(method + " rejected by node: " + message + " (code " + code + ")");
    this.code = code;
  }

  public int code() {
    return code;
  }
}
