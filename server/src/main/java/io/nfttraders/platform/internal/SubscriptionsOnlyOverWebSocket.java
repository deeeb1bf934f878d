package io.nfttraders.platform.internal;

import graphql.ErrorType;
import graphql.GraphqlErrorBuilder;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A subscription sent by HTTP POST is refused with an error that says where subscriptions are
 * served: executed, its result is a stream, which plain HTTP would answer as an empty object
 * describing the stream.
 */
@Component
class SubscriptionsOnlyOverWebSocket implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (request instanceof WebSocketGraphQlRequest) {
      return chain.next(request);
    }
    return chain.next(request).map(response -> response.getExecutionResult().getData() instanceof Publisher<?>
        ? response.transform(builder -> builder.data(Map.of()).errors(List.of(GraphqlErrorBuilder.newError().errorType(ErrorType.OperationNotSupported)
            .message("Subscriptions are served over WebSocket at /graphql (the graphql-ws protocol), not over HTTP")
            .extensions(Map.of("problemType", "https://nfttraders.io/problems/subscription-over-http")).build())))
        : response);
  }
}
