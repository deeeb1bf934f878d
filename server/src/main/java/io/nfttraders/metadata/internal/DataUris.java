package io.nfttraders.metadata.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** {@code data:} URIs (RFC 2397), which on-chain NFTs use to carry their metadata and images themselves. */
final class DataUris {

  private DataUris() {}

  /** The media type a data: URI declares ("text/plain" when it declares none), lower-case, without parameters. */
  static String mediaType(String uri) {
    int comma = uri.indexOf(',');
    String header = comma < 0 ? "" : uri.substring("data:".length(), comma);
    String type = header.split(";", -1)[0].strip().toLowerCase(Locale.ROOT);
    return type.isEmpty() ? "text/plain" : type;
  }

  static byte[] decode(String uri, int maxBytes) throws FetchFailure {
    int comma = uri.indexOf(',');
    if (!uri.regionMatches(true, 0, "data:", 0, 5) || comma < 0) {
      throw FetchFailure.broken("a data: URI without its comma");
    }
    String header = uri.substring(5, comma).toLowerCase(Locale.ROOT);
    String payload = uri.substring(comma + 1);
    byte[] bytes;
    try {
      bytes = header.endsWith(";base64") ? Base64.getMimeDecoder().decode(payload)
          // percent-encoded text; '+' is a plus here, not a space as in forms
          : URLDecoder.decode(payload.replace("+", "%2B"), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw FetchFailure.broken("a data: URI whose data does not decode: " + e.getMessage());
    }
    if (bytes.length > maxBytes) {
      throw FetchFailure.broken("a data: URI of more than " + maxBytes + " bytes");
    }
    return bytes;
  }
}
