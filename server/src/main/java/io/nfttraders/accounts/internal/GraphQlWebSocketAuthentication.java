package io.nfttraders.accounts.internal;

import io.nfttraders.accounts.CurrentUser;
import java.util.Map;
import java.util.UUID;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates a GraphQL WebSocket (graphql-ws) by the access token in its connection_init
 * payload ({@code {"accessToken": "..."}}): browsers cannot set headers on a WebSocket. A valid
 * token puts the caller's id into every operation's GraphQL context; none leaves the connection
 * anonymous (public subscriptions still work); an invalid one refuses the connection.
 */
@Component
class GraphQlWebSocketAuthentication implements WebSocketGraphQlInterceptor {

  private static final String USER = GraphQlWebSocketAuthentication.class.getName() + ".user";

  private final JwtDecoder tokens;

  GraphQlWebSocketAuthentication(JwtDecoder tokens) {
    this.tokens = tokens;
  }

  @Override
  public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
    if (payload.get("accessToken") instanceof String token) {
      try {
        session.getAttributes().put(USER, UUID.fromString(tokens.decode(token).getSubject()));
      } catch (JwtException | IllegalArgumentException e) {
        return Mono.error(new IllegalArgumentException("the access token is not valid"));
      }
    }
    return Mono.empty();
  }

  @Override
  public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
    if (request instanceof WebSocketGraphQlRequest socket && socket.getSessionInfo().getAttributes().get(USER) instanceof UUID user) {
      request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CurrentUser.GRAPHQL_CONTEXT_KEY, user)).build());
    }
    return chain.next(request);
  }
}
