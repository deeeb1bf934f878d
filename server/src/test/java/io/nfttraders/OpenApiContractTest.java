package io.nfttraders;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.yaml.snakeyaml.Yaml;

/** The served OpenAPI document describes exactly the REST operations the server has. */
@MarketplaceTest
class OpenApiContractTest {

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void documentsEveryOperationAndNothingElse() {
    Api.Response served = new Api(port).get("/api/openapi.yaml", null);
    assertThat(served.status()).isEqualTo(200);
    Map<String, Object> document = new Yaml().load(served.body());
    assertThat(document.get("openapi")).isEqualTo("3.1.0");

    Set<String> documented = new TreeSet<>();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
    paths.forEach((path, operations) -> operations.keySet().forEach(method -> documented.add(method.toUpperCase() + " " + path)));

    Set<String> implemented = new TreeSet<>();
    mappings.getHandlerMethods().forEach((info, handler) -> {
      if (!handler.getBeanType().getPackageName().startsWith("io.nfttraders")) {
        return;
      }
      // Spring's catch-all {*path} is an OpenAPI {path} (a path parameter that may hold slashes)
      info.getPatternValues().forEach(path -> info.getMethodsCondition().getMethods()
          .forEach(method -> implemented.add(method.name() + " " + path.replace("{*", "{"))));
    });

    // the bid command is answered by a filter ahead of MVC (the auctions' BidEndpoint): served if a
    // signed-in caller's empty bid is refused as invalid (400), where no handler at all would be a 404
    Api api = new Api(port);
    assertThat(api.post("/api/v1/nfts/bid", "{}", api.newUser().accessToken()).status()).isEqualTo(400);
    implemented.add("POST /api/v1/nfts/bid");

    assertThat(implemented).isNotEmpty();
    assertThat(documented).isEqualTo(implemented);
  }
}
