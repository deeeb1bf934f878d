package io.nfttraders.platform.internal;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the contract-first OpenAPI 3.1 description kept in the repository. */
@RestController
class OpenApiController {

  private static final Resource DOCUMENT = new ClassPathResource("openapi/openapi.yaml");

  @GetMapping("/api/openapi.yaml")
  ResponseEntity<Resource> openApi() {
    return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml")).body(DOCUMENT);
  }
}
