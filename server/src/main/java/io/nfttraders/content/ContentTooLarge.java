package io.nfttraders.content;

import io.nfttraders.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The upload has more bytes than {@code nft.content.max-image-bytes} allows. */
public final class ContentTooLarge extends ApiProblem {

  private final long maxBytes;

  public ContentTooLarge(long maxBytes) {
    super(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
        "The file is larger than the limit of " + maxBytes + " bytes");
    this.maxBytes = maxBytes;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("maxBytes", maxBytes);
  }
}
