package io.nfttraders.chain;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The node's answer to one eth_sendRawTransaction. */
public record BroadcastResult(@Nullable String transactionHash, int errorCode, @Nullable String error) {

  public static BroadcastResult accepted(String hash) {
    return new BroadcastResult(hash, 0, null);
  }

  public static BroadcastResult rejected(int code, String message) {
    return new BroadcastResult(null, code, message);
  }

  public boolean isAccepted() {
    return error == null;
  }

  /** Why a node refuses a transaction, as far as the different nodes' messages tell. */
  public enum Refusal { ALREADY_KNOWN, NONCE_TOO_LOW, UNDERPRICED, INSUFFICIENT_FUNDS, OTHER }

  public Refusal refusal() {
    String m = error == null ? "" : error.toLowerCase(Locale.ROOT);
    if (m.contains("already known") || m.contains("already imported") || m.contains("known transaction")) {
      return Refusal.ALREADY_KNOWN;
    }
    if (m.contains("nonce too low") || m.contains("nonce is too low") || m.contains("nonce has already been used")) {
      return Refusal.NONCE_TOO_LOW;
    }
    if (m.contains("underpriced") || m.contains("fee too low") || m.contains("max fee per gas less than block base fee")) {
      return Refusal.UNDERPRICED;
    }
    if (m.contains("insufficient funds")) {
      return Refusal.INSUFFICIENT_FUNDS;
    }
    return Refusal.OTHER;
  }
}
