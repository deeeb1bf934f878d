package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.parser.Parser;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GraphQlDocumentLimitsTest {

  final GraphQlDocumentLimits limits = new GraphQlDocumentLimits(8, 1_000);

  @Test
  void fragmentsCountAsTheFieldsTheyExpandTo() {
    String document = "query { listings { ...Page } } fragment Page on ListingConnection { edges { node { hash price } } pageInfo { hasNextPage } }";
    assertThat(limits.violation(Parser.parse(document))).isEmpty();
    String deep = "query { a { ...F } } fragment F on T { b { c { d { e { f { g { h { i } } } } } } } }";
    assertThat(limits.violation(Parser.parse(deep))).hasValueSatisfying(why -> assertThat(why).contains("9 levels deep"));
  }

  /** Each fragment spreads the one before it twice: 2^40 fields, measured without walking them. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void nestedSpreadsAreRefusedWithoutAnExponentialWalk() {
    StringBuilder document = new StringBuilder("query { ...F40 } fragment F0 on T { x }");
    for (int i = 1; i <= 40; i++) {
      document.append(" fragment F").append(i).append(" on T { a").append(i).append(": y { ...F").append(i - 1).append(" } b")
          .append(i).append(": y { ...F").append(i - 1).append(" } }");
    }
    GraphQlDocumentLimits shallowEnough = new GraphQlDocumentLimits(100, 1_000);
    assertThat(shallowEnough.violation(Parser.parse(document.toString())))
        .hasValueSatisfying(why -> assertThat(why).contains("maximum complexity is 1000"));
  }
}
