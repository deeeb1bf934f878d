package io.nfttraders.webapp.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.nfttraders.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** QR codes as SVG, for deposit addresses (an EIP-681 {@code ethereum:} URI): drawn here so the pages need no QR library. */
@RestController
class QrCodes {

  static final int MAX_TEXT = 256;

  static final class InvalidQrText extends ApiProblem {
    InvalidQrText() {
      super(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", "text must be 1 to " + MAX_TEXT + " characters");
    }
  }

  @GetMapping(path = "/qr.svg", produces = "image/svg+xml")
  ResponseEntity<String> svg(@RequestParam(defaultValue = "") String text) {
    if (text.isBlank() || text.length() > MAX_TEXT) {
      throw new InvalidQrText();
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(svgOf(matrix(text)));
  }

  private static BitMatrix matrix(String text) {
    try {
      return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4, EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      // 256 characters always fit a QR code at level M; this is a bug, not the caller's mistake
      throw new IllegalStateException("QR encoding failed for " + text.length() + " characters", e);
    }
  }

  /** One path of unit squares; the text never appears in the SVG, only its modules. */
  static String svgOf(BitMatrix matrix) {
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < matrix.getHeight(); y++) {
      for (int x = 0; x < matrix.getWidth(); x++) {
        if (matrix.get(x, y)) {
          path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
  }
}
