package io.nfttraders.market.internal;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.DataFetchingEnvironment;
import io.nfttraders.platform.ApiProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;

/**
 * Guards and speed for the GraphQL endpoint: queries deeper than 8 levels or costlier than 1,000
 * fields are refused before they run; a client's mistake comes back as a BAD_REQUEST error with the
 * problem's message; parsed and validated documents are cached, since clients send the same few
 * queries with different variables.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

  static final int MAX_DEPTH = 8;
  static final int MAX_COMPLEXITY = 1_000;
  private static final int CACHED_DOCUMENTS = 1_000;

  @Bean
  MaxQueryDepthInstrumentation maxQueryDepth() {
    return new MaxQueryDepthInstrumentation(MAX_DEPTH);
  }

  @Bean
  MaxQueryComplexityInstrumentation maxQueryComplexity() {
    return new MaxQueryComplexityInstrumentation(MAX_COMPLEXITY);
  }

  @Bean
  DataFetcherExceptionResolverAdapter apiProblemsAsGraphQlErrors() {
    return new DataFetcherExceptionResolverAdapter() {
      @Override
      protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof ApiProblem problem) {
          ErrorClassification type = problem.status().is4xxClientError()
              ? (problem.status().value() == 404 ? ErrorType.NOT_FOUND : ErrorType.BAD_REQUEST) : ErrorType.INTERNAL_ERROR;
          return GraphqlErrorBuilder.newError(env).errorType(type).message(problem.detail())
              .extensions(Map.of("problemType", problem.type().toString())).build();
        }
        return null;
      }
    };
  }

  @Bean
  GraphQlSourceBuilderCustomizer cachedDocuments() {
    Map<String, PreparsedDocumentEntry> cache = Collections.synchronizedMap(new LinkedHashMap<>(CACHED_DOCUMENTS, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, PreparsedDocumentEntry> eldest) {
        return size() > CACHED_DOCUMENTS;
      }
    });
    PreparsedDocumentProvider provider = (input, parseAndValidate) -> {
      PreparsedDocumentEntry entry = cache.get(input.getQuery());
      if (entry == null) {
        entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
          cache.put(input.getQuery(), entry);
        }
      }
      return CompletableFuture.completedFuture(entry);
    };
    return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(provider));
  }
}
