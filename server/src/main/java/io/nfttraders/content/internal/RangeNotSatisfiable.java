package io.nfttraders.content.internal;

import io.nfttraders.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The requested range starts beyond the end of the content. */
final class RangeNotSatisfiable extends ApiProblem {

  private final long size;

  RangeNotSatisfiable(long size) {
    super(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range-not-satisfiable", "Range not satisfiable",
        "The content has " + size + " bytes; the requested range starts beyond its end");
    this.size = size;
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Content-Range", "bytes */" + size);
  }
}
