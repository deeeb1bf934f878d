package io.nfttraders.content;

import io.nfttraders.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** Nothing is stored under this CID (or path below it). */
public final class ContentNotFound extends ApiProblem {

  public ContentNotFound(String what) {
    super(HttpStatus.NOT_FOUND, "content-not-found", "Content not found", "No content is stored under " + what);
  }
}
