package io.nfttraders.platform.internal;

import io.nfttraders.platform.SharedSubscriptionField;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;

/** GraphQL over WebSocket ({@code spring.graphql.websocket.path}) served by {@link GraphQlWsEndpoint}; Boot maps it to the path. */
@Configuration(proxyBeanMethods = false)
class GraphQlWebSocketConfiguration {

  @Bean
  GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties, List<SharedSubscriptionField> sharedFields,
      @Value("${nft.graphql.websocket.outbox-limit:4096}") int outboxLimit,
      @Value("${nft.graphql.websocket.shared-replay-limit:1000}") int sharedReplayLimit) {
    if (sharedReplayLimit > outboxLimit / 2) {
      // a late subscriber receives a run's replay at once: it must fit its outbox with room to spare
      throw new IllegalArgumentException("nft.graphql.websocket.shared-replay-limit must be at most half of outbox-limit");
    }
    Set<String> shared = sharedFields.stream().map(SharedSubscriptionField::name).collect(Collectors.toSet());
    return new GraphQlWsEndpoint(handler, properties.getWebsocket().getConnectionInitTimeout(), outboxLimit,
        new SharedSubscriptions(shared, sharedReplayLimit, Runtime.getRuntime().availableProcessors()));
  }
}
