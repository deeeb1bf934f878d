package io.nfttraders.support.hostile;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Requests as a client sends them for an operation: its method, the baseline's URL, and its body with the media type it takes. */
final class Requests {

  static final String MULTIPART = "multipart/form-data; boundary=" + Baseline.BOUNDARY;

  private Requests() {}

  static HostileRequest of(ApiOperation operation, String variant, Baseline baseline, String... headers) {
    List<String> lines = new ArrayList<>(List.of(headers));
    String type = contentType(operation);
    if (type != null) {
      lines.add("Content-Type: " + type);
    }
    return HostileRequest.of(operation, variant, operation.method(), baseline.target(operation), lines, body(operation, baseline));
  }

  /** The baseline's URL with this body and Content-Type (none if null) instead of its own. */
  static HostileRequest withBody(ApiOperation operation, String variant, Baseline baseline, @Nullable String contentType, byte[] body,
      String... headers) {
    List<String> lines = new ArrayList<>(List.of(headers));
    if (contentType != null) {
      lines.add("Content-Type: " + contentType);
    }
    return HostileRequest.of(operation, variant, operation.method(), baseline.target(operation), lines, body);
  }

  static @Nullable String contentType(ApiOperation operation) {
    if (operation.bodyType() == null) {
      return null;
    }
    return operation.bodyType().startsWith("multipart/") ? MULTIPART : operation.bodyType();
  }

  static byte[] body(ApiOperation operation, Baseline baseline) {
    if (operation.bodyType() == null) {
      return new byte[0];
    }
    return operation.bodyType().startsWith("multipart/") ? baseline.multipartBytes() : baseline.jsonBytes();
  }

  /** A body to send where the operation takes none, to see what the media type alone does. */
  static byte[] someBody(ApiOperation operation, Baseline baseline) {
    byte[] body = body(operation, baseline);
    return body.length > 0 ? body : HostileRequest.utf8("{}");
  }
}
