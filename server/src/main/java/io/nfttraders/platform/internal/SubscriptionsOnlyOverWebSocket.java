package io.nfttraders.platform.internal;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import java.util.Map;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A subscription sent by HTTP POST is refused, before it runs, with an error that says where
 * subscriptions are served: plain HTTP would answer it with an empty object describing the stream.
 * Only a document that has the word is parsed here; any other goes on untouched (and is parsed
 * once, as ever).
 */
@Component
class SubscriptionsOnlyOverWebSocket implements WebGraphQlInterceptor {

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (request instanceof WebSocketGraphQlRequest || !request.getDocument().contains("subscription") || !isSubscription(request)) {
      return chain.next(request);
    }
    ExecutionResult refused = ExecutionResult.newExecutionResult().addError(GraphqlErrorBuilder.newError().errorType(ErrorType.OperationNotSupported)
        .message("Subscriptions are served over WebSocket at /graphql (the graphql-ws protocol), not over HTTP")
        .extensions(Map.of("problemType", "https://nfttraders.io/problems/subscription-over-http")).build()).build();
    return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), refused)));
  }

  /** The operation to run is a subscription (a malformed document is left for the execution to refuse). */
  private static boolean isSubscription(WebGraphQlRequest request) {
    Document document;
    try {
      document = Parser.parse(request.getDocument());
    } catch (InvalidSyntaxException e) {
      return false;
    }
    String name = request.getOperationName();
    return document.getDefinitionsOfType(OperationDefinition.class).stream()
        .filter(operation -> name == null || name.equals(operation.getName()))
        .anyMatch(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION);
  }
}
