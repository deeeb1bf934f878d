package io.nfttraders.content;

import io.nfttraders.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** A path below a directory CID that we refuse to interpret (traversal, encoded separators). */
public final class InvalidContentPath extends ApiProblem {

  public InvalidContentPath(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-content-path", "Invalid content path", detail);
  }
}
