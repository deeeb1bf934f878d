package io.nfttraders.platform.internal;

import io.nfttraders.platform.ProblemResponses;
import java.util.List;
import java.util.Set;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The GraphQL endpoint's answers to requests it cannot take, ahead of Spring Boot's route (which
 * answers a GraphQL response nobody accepts as 415, and other methods as 404): 406 when the
 * Accept header takes neither JSON nor a GraphQL response, 405 for a method other than GET and
 * POST. GET stays Spring's: the WebSocket handshake for subscriptions arrives as one.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlHttpFallbacks {

  private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_GRAPHQL_RESPONSE);
  private static final Set<HttpMethod> SERVED = Set.of(HttpMethod.GET, HttpMethod.POST);

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  RouterFunction<ServerResponse> graphQlRequestsItCannotTake(GraphQlProperties properties) {
    String path = properties.getHttp().getPath();
    RequestPredicate acceptsNoAnswer = request -> request.headers().accept().stream().noneMatch(type -> ANSWERS.stream().anyMatch(type::isCompatibleWith))
        && !request.headers().accept().isEmpty();
    RequestPredicate notServed = request -> !SERVED.contains(request.method());
    return RouterFunctions.route()
        .POST(path, acceptsNoAnswer, request -> problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
            "A GraphQL response is application/json or application/graphql-response+json; the Accept header takes neither"))
        .route(request -> request.path().equals(path) && notServed.test(request), request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
            .header("Allow", "GET, POST").contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .body(ProblemResponses.problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
                "GraphQL queries are POSTed; subscriptions open a WebSocket with GET")))
        .build();
  }

  private static ServerResponse problem(HttpStatus status, String slug, String detail) {
    return ServerResponse.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemResponses.problem(status, slug, status.getReasonPhrase(), detail));
  }
}
