package io.nfttraders.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the contract-first OpenAPI 3.1 description kept in the repository, whole: as bytes, not
 * a resource, so a Range header is not honoured (a malformed one used to get a 416 carrying the
 * whole document).
 */
@RestController
class OpenApiController {

  private final byte[] document = load();

  @GetMapping("/api/openapi.yaml")
  ResponseEntity<byte[]> openApi() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(document);
  }

  private static byte[] load() {
    try (InputStream in = new ClassPathResource("openapi/openapi.yaml").getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("the OpenAPI document is missing from the classpath", e);
    }
  }
}
