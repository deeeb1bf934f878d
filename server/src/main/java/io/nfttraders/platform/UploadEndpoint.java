package io.nfttraders.platform;

import java.util.Objects;

/**
 * A route that takes {@code multipart/form-data} uploads, declared as a bean by the module that
 * serves it. Every other route is refused a multipart body before it is read, and only signed-in
 * callers reach an upload route's body (the security chain answers the others first).
 *
 * @param path the exact request path, e.g. {@code /api/v1/nfts}; uploads are always POSTed
 */
public record UploadEndpoint(String path) {

  public UploadEndpoint {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("an upload path starts with /: " + path);
    }
  }
}
