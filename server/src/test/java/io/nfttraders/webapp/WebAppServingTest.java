package io.nfttraders.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** How the server serves the web app: its pages under a strict policy, and QR codes a phone can read. */
@MarketplaceTest
class WebAppServingTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

  @LocalServerPort int port;

  @Test
  void thePagesCarryAStrictContentSecurityPolicyAndTheApisAndGatewayKeepTheirOwnHeaders() throws Exception {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<script type=\"module\" src=\"/app/main.js\"></script>");
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("script-src 'self'", "object-src 'none'", "frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(get("/app/main.js").headers().firstValue("Content-Security-Policy")).hasValue(policy);
    assertThat(get("/api/v1/chains").headers().firstValue("Content-Security-Policy")).isEmpty();
  }

  @Test
  void aQrCodeReadsBackAsItsText() throws Exception {
    String text = "ethereum:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed@31337";
    HttpResponse<String> svg = get("/qr.svg?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElseThrow()).startsWith("image/svg+xml");
    assertThat(svg.body()).doesNotContain("0x5aAeb");
    assertThat(decode(svg.body())).isEqualTo(text);
  }

  @Test
  void aQrCodeOfNothingOrOfTooMuchIsAClearProblem() throws Exception {
    for (String query : new String[] {"", "?text=", "?text=%20%20", "?text=" + "a".repeat(257)}) {
      HttpResponse<String> refused = get("/qr.svg" + query);
      assertThat(refused.statusCode()).as(query).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
      assertThat(Api.JSON.readTree(refused.body()).get("detail").asString()).contains("1 to 256 characters");
    }
  }

  /** Reads the SVG's modules back into pixels and decodes them with ZXing's reader, as a phone's camera would. */
  private static String decode(String svg) throws Exception {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    int scale = 4;
    int width = Integer.parseInt(box.group(1)) * scale;
    int height = Integer.parseInt(box.group(2)) * scale;
    int[] pixels = new int[width * height];
    Arrays.fill(pixels, 0xFFFFFF);
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      for (int dy = 0; dy < scale; dy++) {
        for (int dx = 0; dx < scale; dx++) {
          pixels[(y * scale + dy) * width + x * scale + dx] = 0;
        }
      }
    }
    LuminanceSource source = new RGBLuminanceSource(width, height, pixels);
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)), Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
