package io.nfttraders.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.support.GraphQlWsClient;
import io.nfttraders.support.MarketplaceTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The graphql-ws protocol's close codes, as its protocol document gives them. */
@MarketplaceTest
class GraphQlWsCloseCodesTest {

  @LocalServerPort int port;

  @Test
  void aConnectionInitTheServerRefusesIsClosedWith4403Forbidden() {
    try (GraphQlWsClient client = GraphQlWsClient.open(port)) {
      client.init(Map.of("accessToken", "not.a.token"));
      assertThat(client.closeCode(Duration.ofSeconds(10))).isEqualTo(4403);
    }
  }

  @Test
  void aSubscribeBeforeTheConnectionIsAcknowledgedIsClosedWith4401Unauthorized() {
    try (GraphQlWsClient client = GraphQlWsClient.open(port)) {
      client.subscribe("1", "subscription { myNotifications { id } }", Map.of());
      assertThat(client.closeCode(Duration.ofSeconds(10))).isEqualTo(4401);
    }
  }
}
