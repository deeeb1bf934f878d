package io.nfttraders.platform.internal;

import org.jspecify.annotations.Nullable;

/**
 * A message of an operation to its client, with the payload already encoded: the same result is
 * written to many subscribers, each under their own operation id.
 *
 * @param type next, error or complete
 * @param payloadJson the payload as JSON, or null (complete)
 */
record GraphQlWsMessage(String type, @Nullable String payloadJson) {

  static final GraphQlWsMessage COMPLETE = new GraphQlWsMessage("complete", null);

  /** After it, the operation sends nothing more. */
  boolean last() {
    return !type.equals("next");
  }

  /** The text frame for the operation whose id, as a JSON string, is {@code idJson}. */
  String frame(String idJson) {
    return payloadJson == null
        ? "{\"id\":" + idJson + ",\"type\":\"" + type + "\"}"
        : "{\"id\":" + idJson + ",\"type\":\"" + type + "\",\"payload\":" + payloadJson + "}";
  }
}
