package io.nfttraders.market.internal;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.DataFetchingEnvironment;
import io.nfttraders.platform.ApiProblem;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.graphql.data.method.annotation.support.AnnotatedControllerConfigurer;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards and speed for the GraphQL endpoint: queries deeper than 8 levels or costlier than 1,000
 * fields are refused before they run; a client's mistake comes back as a BAD_REQUEST error with the
 * problem's message; parsed and validated documents are cached, since clients send the same few
 * queries with different variables, and the limits are checked once per document when it is parsed
 * (graphql-java's limit instrumentations walked every document again on every request and wrapped
 * every field's execution).
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

  static final int MAX_DEPTH = 8;
  static final int MAX_COMPLEXITY = 1_000;
  private static final int CACHED_DOCUMENTS = 1_000;

  /**
   * Controller methods run on the request's own thread. Boot hands blocking controller methods to
   * its task executor; a field fetched on another thread turned every GraphQL request into an
   * asynchronous servlet dispatch that went through the whole filter chain a second time (a third
   * of the endpoint's CPU on the listings benchmark).
   */
  @Bean
  static BeanPostProcessor graphQlControllersOnTheRequestThread() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String name) {
        if (bean instanceof AnnotatedControllerConfigurer controllers) {
          controllers.setBlockingMethodPredicate(method -> false);
        }
        return bean;
      }
    };
  }

  /**
   * Results are written with a mapper of their own: the application's leaves out null properties
   * (spring.jackson.default-property-inclusion), but a GraphQL response must carry a selected
   * field that is null (e.g. {@code endCursor: null}); writing every entry is also the faster path.
   * A request naming a key twice is refused, as every request body is.
   */
  @Bean
  GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler handler) {
    JsonMapper mapper = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    return new GraphQlHttpHandler(handler, new RequestObjects(mapper));
  }

  /** A request body of JSON {@code null} is a client's mistake (400), not a request without a query (Spring GraphQL fails on it). */
  private static final class RequestObjects extends JacksonJsonHttpMessageConverter {
    RequestObjects(JsonMapper mapper) {
      super(mapper);
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) throws IOException {
      Object request = super.readInternal(type, input);
      if (request == null) {
        throw new HttpMessageNotReadableException("A GraphQL request is a JSON object with a query", input);
      }
      return request;
    }
  }

  @Bean
  DataFetcherExceptionResolverAdapter apiProblemsAsGraphQlErrors() {
    return new DataFetcherExceptionResolverAdapter() {
      @Override
      protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        return ex instanceof ApiProblem problem ? error(problem, GraphqlErrorBuilder.newError(env)) : null;
      }
    };
  }

  /** The same for a subscription that fails (an unknown auction...): its error message, not an opaque "Subscription error". */
  @Bean
  SubscriptionExceptionResolverAdapter apiProblemsAsSubscriptionErrors() {
    return new SubscriptionExceptionResolverAdapter() {
      @Override
      protected GraphQLError resolveToSingleError(Throwable ex) {
        return ex instanceof ApiProblem problem ? error(problem, GraphqlErrorBuilder.newError()) : null;
      }
    };
  }

  private static GraphQLError error(ApiProblem problem, GraphqlErrorBuilder<?> builder) {
    ErrorClassification type = problem.status().is4xxClientError()
        ? (problem.status().value() == 404 ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST) : ErrorType.INTERNAL_ERROR;
    return builder.errorType(type).message(problem.detail()).extensions(Map.of("problemType", problem.type().toString())).build();
  }

  @Bean
  GraphQlSourceBuilderCustomizer cachedDocuments() {
    Map<String, PreparsedDocumentEntry> cache = Collections.synchronizedMap(new LinkedHashMap<>(CACHED_DOCUMENTS, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
        return size() > CACHED_DOCUMENTS;
      }
    });
    GraphQlDocumentLimits limits = new GraphQlDocumentLimits(MAX_DEPTH, MAX_COMPLEXITY);
    PreparsedDocumentProvider provider = (input, parseAndValidate) -> {
      PreparsedDocumentEntry entry = cache.get(input.getQuery());
      if (entry == null) {
        entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
          Optional<String> violation = limits.violation(entry.getDocument());
          if (violation.isPresent()) {
            return CompletableFuture.completedFuture(new PreparsedDocumentEntry(
                GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST).message(violation.get()).build()));
          }
          cache.put(input.getQuery(), entry);
        }
      }
      return CompletableFuture.completedFuture(entry);
    };
    return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
  }
}
