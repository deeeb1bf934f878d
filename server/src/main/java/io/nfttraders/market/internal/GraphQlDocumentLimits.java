package io.nfttraders.market.internal;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Depth and cost of a query document, measured once when the document is first parsed rather than
 * on every execution: the depth is the longest chain of nested fields, the cost the number of
 * fields with fragments expanded. Both ignore {@code @skip}/{@code @include}, so they are upper
 * bounds whatever the variables. Validation has already refused fragment cycles.
 */
record GraphQlDocumentLimits(int maxDepth, int maxCost) {

  /** Why the document is refused, or empty if every operation in it is within the limits. */
  Optional<String> violation(Document document) {
    Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class).stream()
        .collect(Collectors.toMap(FragmentDefinition::getName, Function.identity(), (a, b) -> a));
    for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
      Measure measure = measure(operation.getSelectionSet(), fragments, new HashMap<>());
      if (measure.depth() > maxDepth) {
        return Optional.of("the query is " + measure.depth() + " levels deep; the maximum depth is " + maxDepth);
      }
      if (measure.cost() > maxCost) {
        return Optional.of("the query selects " + measure.cost() + " fields; the maximum complexity is " + maxCost);
      }
    }
    return Optional.empty();
  }

  private record Measure(int depth, long cost) {}

  /** Each fragment is measured once (memo): nested spreads must not make the walk itself exponential. */
  private Measure measure(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments, Map<String, Measure> memo) {
    if (selections == null) {
      return new Measure(0, 0);
    }
    int depth = 0;
    long cost = 0;
    for (Selection<?> selection : selections.getSelections()) {
      Measure inner = switch (selection) {
        case Field field -> {
          Measure children = measure(field.getSelectionSet(), fragments, memo);
          yield new Measure(children.depth() + 1, children.cost() + 1);
        }
        case InlineFragment inline -> measure(inline.getSelectionSet(), fragments, memo);
        case FragmentSpread spread -> {
          Measure known = memo.get(spread.getName());
          if (known == null) {
            FragmentDefinition fragment = fragments.get(spread.getName());
            known = fragment == null ? new Measure(0, 0) : measure(fragment.getSelectionSet(), fragments, memo);
            memo.put(spread.getName(), known);
          }
          yield known;
        }
        default -> new Measure(0, 0);
      };
      depth = Math.max(depth, inner.depth());
      // saturate instead of overflowing: a document of nested fragment spreads can name billions of fields
      cost = Math.min(cost + inner.cost(), Integer.MAX_VALUE);
    }
    return new Measure(depth, cost);
  }
}
