package io.nfttraders.content;

import io.nfttraders.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * The image declares more pixels than we let anyone decode: a small file can claim a huge
 * canvas (a decompression bomb) that would exhaust the memory of every viewer.
 */
public final class ImageTooLarge extends ApiProblem {

  private final long width;
  private final long height;

  public ImageTooLarge(long width, long height, long maxPixels) {
    super(HttpStatus.UNPROCESSABLE_CONTENT, "image-too-large", "Image too large",
        "The image is " + width + " x " + height + " pixels; at most " + ImageValidation.MAX_SIDE
            + " pixels a side and " + maxPixels + " pixels in all are accepted");
    this.width = width;
    this.height = height;
  }

  @Override
  public Map<String, Object> properties() {
    return Map.of("width", width, "height", height);
  }
}
