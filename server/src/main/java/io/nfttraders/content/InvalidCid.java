package io.nfttraders.content;

import io.nfttraders.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** A string that is not a CID we can serve: CIDv1, base32, raw or dag-pb, sha2-256. */
public final class InvalidCid extends ApiProblem {

  InvalidCid(String detail) {
    super(HttpStatus.BAD_REQUEST, "invalid-cid", "Invalid CID", detail);
  }
}
