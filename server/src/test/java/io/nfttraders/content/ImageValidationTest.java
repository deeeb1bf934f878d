package io.nfttraders.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ImageValidationTest {

  private final ImageValidation validation = new ImageValidation(ImageValidation.DEFAULT_MAX_IMAGE_BYTES);

  @Test
  void recognisesPngJpegAndGifWithTheirDimensions() {
    assertThat(ImageValidation.inspect(TestImages.png(7, 3))).isEqualTo(new ImageInfo("image/png", 7, 3));
    assertThat(ImageValidation.inspect(TestImages.jpeg(9, 4))).isEqualTo(new ImageInfo("image/jpeg", 9, 4));
    assertThat(ImageValidation.inspect(TestImages.gif(6, 5))).isEqualTo(new ImageInfo("image/gif", 6, 5));
  }

  @Test
  void recognisesEveryKindOfWebp() {
    assertThat(ImageValidation.inspect(TestImages.WEBP_LOSSY_5X3)).isEqualTo(new ImageInfo("image/webp", 5, 3));
    assertThat(ImageValidation.inspect(TestImages.WEBP_LOSSLESS_5X3)).isEqualTo(new ImageInfo("image/webp", 5, 3));
    assertThat(ImageValidation.inspect(TestImages.WEBP_EXTENDED_5X3)).isEqualTo(new ImageInfo("image/webp", 5, 3));
  }

  @Test
  void recognisesAvif() {
    assertThat(ImageValidation.inspect(TestImages.AVIF_5X3)).isEqualTo(new ImageInfo("image/avif", 5, 3));
  }

  @Test
  void detectsTheTypeFromTheBytesAlone() {
    assertThat(ImageValidation.detectImageType(TestImages.gif(2, 2))).isEqualTo("image/gif");
    assertThat(ImageValidation.detectImageType(TestImages.WEBP_LOSSY_5X3)).isEqualTo("image/webp");
  }

  @Test
  void refusesSvgEvenThoughBrowsersShowItAsAnImage() {
    byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ImageValidation.detectImageType(svg))
        .isInstanceOf(UnsupportedImage.class)
        .satisfies(e -> assertThat(((UnsupportedImage) e).status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE))
        .hasMessageContaining("PNG, JPEG, GIF, WebP and AVIF");
  }

  @Test
  void refusesHtmlAndArchives() {
    byte[] html = "<!doctype html><img src=x onerror=alert(1)>".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> ImageValidation.detectImageType(html)).isInstanceOf(UnsupportedImage.class);
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.zip("image.png", TestImages.png(2, 2))))
        .isInstanceOf(UnsupportedImage.class);
    assertThatThrownBy(() -> ImageValidation.detectImageType(new byte[0])).isInstanceOf(UnsupportedImage.class);
  }

  @Test
  void refusesAnImageThatIsAlsoAZipArchive() {
    byte[] polyglot = TestImages.concat(TestImages.png(2, 2), TestImages.zip("Payload.class", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> ImageValidation.detectImageType(polyglot))
        .isInstanceOf(UnsupportedImage.class)
        .hasMessageContaining("ZIP archive");
  }

  @Test
  void refusesATruncatedHeaderAsUnsupported() {
    byte[] png = TestImages.png(2, 2);
    assertThatThrownBy(() -> ImageValidation.detectImageType(Arrays.copyOf(png, 12)))
        .isInstanceOf(UnsupportedImage.class)
        .hasMessageContaining("PNG header is truncated or malformed");
    byte[] gif = TestImages.gif(2, 2);
    assertThatThrownBy(() -> ImageValidation.detectImageType(Arrays.copyOf(gif, gif.length - 6)))
        .isInstanceOf(UnsupportedImage.class);
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.pngDeclaring(0, 10)))
        .isInstanceOf(UnsupportedImage.class)
        .hasMessageContaining("no width or height");
  }

  @Test
  void refusesAPngThatDeclaresAGiganticCanvas() {
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.pngDeclaring(100_000, 100_000)))
        .isInstanceOf(ImageTooLarge.class)
        .satisfies(e -> assertThat(((ImageTooLarge) e).status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT))
        .satisfies(e -> assertThat(((ImageTooLarge) e).properties()).containsEntry("width", 100_000L));
    // 4,294,967,295 a side: an unsigned 32-bit width must not turn negative
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.pngDeclaring(0xffffffffL, 1)))
        .isInstanceOf(ImageTooLarge.class);
  }

  @Test
  void refusesMoreThanFiftyMegapixelsEvenWithinTheSideLimit() {
    assertThat(ImageValidation.inspect(TestImages.pngDeclaring(16_384, 3_000)).width()).isEqualTo(16_384);
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.pngDeclaring(10_000, 10_000)))
        .isInstanceOf(ImageTooLarge.class);
  }

  @Test
  void refusesGiganticJpegGifWebpAndAvifCanvases() {
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.jpegDeclaring(60_000, 60_000)))
        .isInstanceOf(ImageTooLarge.class);
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.gifDeclaring(65_535, 65_535)))
        .isInstanceOf(ImageTooLarge.class);
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.webpDeclaring(20_000, 20_000)))
        .isInstanceOf(ImageTooLarge.class);
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.avifDeclaring(20_000, 20_000)))
        .isInstanceOf(ImageTooLarge.class);
  }

  @Test
  void refusesAGifWhoseFrameIsLargerThanItsCanvas() {
    assertThat(ImageValidation.inspect(TestImages.gifWithFrame(10, 10, 10))).isEqualTo(new ImageInfo("image/gif", 10, 10));
    assertThatThrownBy(() -> ImageValidation.detectImageType(TestImages.gifWithFrame(10, 60_000, 60_000)))
        .isInstanceOf(ImageTooLarge.class);
  }

  @Test
  void refusesAnImageAboveTheSizeLimit() {
    byte[] png = TestImages.png(32, 32);
    ImageValidation small = new ImageValidation(png.length - 1);
    assertThatThrownBy(() -> small.validate(png))
        .isInstanceOf(ContentTooLarge.class)
        .satisfies(e -> assertThat(((ContentTooLarge) e).status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    assertThat(new ImageValidation(png.length).validate(png).mediaType()).isEqualTo("image/png");
    assertThatThrownBy(() -> validation.checkSize(ImageValidation.DEFAULT_MAX_IMAGE_BYTES + 1)).isInstanceOf(ContentTooLarge.class);
  }

  @Test
  void anUploadDeclaringMorePixelsThanConfiguredIsRefusedHoweverSmallItsFile() {
    byte[] bomb = TestImages.pngDeclaring(7_000, 7_000);
    assertThat(bomb.length).isLessThan(1_000);
    assertThatThrownBy(() -> validation.validate(bomb)).isInstanceOf(ImageTooLarge.class).hasMessageContaining("7000 x 7000");
    assertThat(validation.validate(TestImages.pngDeclaring(4_096, 4_096)).width()).isEqualTo(4_096);
    assertThatThrownBy(() -> new ImageValidation(ImageValidation.DEFAULT_MAX_IMAGE_BYTES, 1_000).validate(TestImages.png(40, 30)))
        .isInstanceOf(ImageTooLarge.class);
  }
}
