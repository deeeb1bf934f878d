package io.nfttraders.platform.internal;

import graphql.scalars.ExtendedScalars;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * {@code Long}: a 64-bit integer, as a JSON number, for what REST describes as int64 (sequence
 * numbers, notification ids). GraphQL's own Int is 32 bits.
 */
@Component
class GraphQlScalars implements RuntimeWiringConfigurer {

  @Override
  public void configure(RuntimeWiring.Builder wiring) {
    wiring.scalar(ExtendedScalars.GraphQLLong);
  }
}
