package io.nfttraders.content;

/**
 * What an image's header says about it.
 *
 * @param mediaType detected from the bytes, e.g. {@code image/png}
 * @param width pixels, as declared by the header (for a GIF, its largest frame or canvas)
 * @param height pixels, likewise
 */
public record ImageInfo(String mediaType, long width, long height) {

  public ImageInfo {
    MediaTypes.requireValid(mediaType);
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("dimensions must be positive: " + width + " x " + height);
    }
  }
}
