package io.nfttraders.content;

import io.nfttraders.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** The bytes are not a PNG, JPEG, GIF, WebP or AVIF image we can read (whatever was declared). */
public final class UnsupportedImage extends ApiProblem {

  public UnsupportedImage(String detail) {
    super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image", "Unsupported image", detail);
  }
}
