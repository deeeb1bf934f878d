package io.nfttraders.content;

import io.nfttraders.content.internal.ImageHeaders;

/**
 * Decides whether uploaded bytes are an image we store: PNG, JPEG, GIF, WebP or AVIF, told apart
 * by their magic bytes (a declared content type or file name is irrelevant), of sane dimensions,
 * not also a ZIP archive, and not larger than {@code nft.content.max-image-bytes}. SVG is refused
 * because it is a document that can carry script, not an image.
 *
 * <p>A Spring bean configured with the size limit; the static methods need no limit.
 */
public final class ImageValidation {

  public static final long DEFAULT_MAX_IMAGE_BYTES = 10L * 1024 * 1024;
  /** Pixels a side: more than any screen or printer needs. */
  public static final long MAX_SIDE = 16_384;
  /** Pixels in all that any image may declare to be recognised at all: 50 megapixels decode to 200 MB of RGBA. */
  public static final long MAX_PIXELS = 50_000_000;
  /** Pixels in all of an upload by default (4096 x 4096, 64 MB of RGBA decoded in every viewer's browser). */
  public static final long DEFAULT_MAX_UPLOAD_PIXELS = 4096L * 4096;

  private final long maxImageBytes;
  private final long maxPixels;

  public ImageValidation(long maxImageBytes) {
    this(maxImageBytes, DEFAULT_MAX_UPLOAD_PIXELS);
  }

  public ImageValidation(long maxImageBytes, long maxPixels) {
    if (maxImageBytes <= 0 || maxPixels <= 0 || maxPixels > MAX_PIXELS) {
      throw new IllegalArgumentException("maxImageBytes must be positive and maxPixels between 1 and " + MAX_PIXELS);
    }
    this.maxImageBytes = maxImageBytes;
    this.maxPixels = maxPixels;
  }

  public long maxImageBytes() {
    return maxImageBytes;
  }

  /**
   * Checks a declared length (e.g. a multipart part's size) before the bytes are read.
   *
   * @throws ContentTooLarge above the limit
   */
  public void checkSize(long bytes) {
    if (bytes > maxImageBytes) {
      throw new ContentTooLarge(maxImageBytes);
    }
  }

  /**
   * Everything an upload must pass: size, type, dimensions (at most the configured pixels in all:
   * a few kilobytes can declare a canvas that every browser showing it must decode). Text chunks
   * and comments are never read.
   *
   * @throws ContentTooLarge (413), UnsupportedImage (415), ImageTooLarge (422)
   */
  public ImageInfo validate(byte[] bytes) {
    checkSize(bytes.length);
    ImageInfo info = inspect(bytes);
    if (info.width() * info.height() > maxPixels) {
      throw new ImageTooLarge(info.width(), info.height(), maxPixels);
    }
    return info;
  }

  /**
   * The media type of an image by its magic bytes, after the dimension checks of {@link
   * #inspect}.
   *
   * @throws UnsupportedImage (415), ImageTooLarge (422)
   */
  public static String detectImageType(byte[] bytes) {
    return inspect(bytes).mediaType();
  }

  /**
   * Type and declared dimensions, checked against {@link #MAX_SIDE} and {@link #MAX_PIXELS}.
   *
   * @throws UnsupportedImage (415), ImageTooLarge (422)
   */
  public static ImageInfo inspect(byte[] bytes) {
    ImageInfo info = ImageHeaders.read(bytes)
        .orElseThrow(() -> new UnsupportedImage(
            "Only PNG, JPEG, GIF, WebP and AVIF images are accepted (recognised by their content;"
                + " SVG, HTML and archives are refused)"));
    if (info.width() > MAX_SIDE || info.height() > MAX_SIDE || info.width() * info.height() > MAX_PIXELS) {
      throw new ImageTooLarge(info.width(), info.height(), MAX_PIXELS);
    }
    if (ImageHeaders.endsWithZipArchive(bytes)) {
      throw new UnsupportedImage("The file is both an image and a ZIP archive; only plain images are accepted");
    }
    return info;
  }
}
