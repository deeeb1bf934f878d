package io.nfttraders.market.internal;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.internal.GraphQlNodes.ListingConnection;
import io.nfttraders.market.internal.GraphQlNodes.ListingFilter;
import io.nfttraders.market.internal.GraphQlNodes.PageInfo;
import io.nfttraders.market.internal.GraphQlNodes.TraitFilter;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * {@code Query.listings}, the busiest read, wired as a plain data fetcher that takes its arguments
 * as graphql-java has already checked and coerced them (the schema's types and defaults). As an
 * annotated controller method, binding the arguments to records by reflection and invoking the
 * method took a twentieth of the page's CPU.
 */
@Component
class ListingsField implements RuntimeWiringConfigurer {

  static final int MAX_PAGE = 100;

  private final ListingQueries listings;
  private final String weth;

  ListingsField(ListingQueries listings, DeployedContracts contracts) {
    this.listings = listings;
    this.weth = contracts.weth().address().hex();
  }

  @Override
  public void configure(RuntimeWiring.Builder wiring) {
    wiring.type("Query", type -> type.dataFetcher("listings", (DataFetcher<ListingConnection>) this::listings));
  }

  /** A page's size as a client asks for it: refused, not clamped, out of 1 to {@link #MAX_PAGE}. */
  static int pageSize(int first) {
    if (first < 1 || first > MAX_PAGE) {
      throw new MarketProblems.InvalidOrder("first must be between 1 and " + MAX_PAGE);
    }
    return first;
  }

  ListingConnection listings(DataFetchingEnvironment env) {
    Integer first = env.getArgument("first");
    int size = pageSize(first == null ? 24 : first);
    String sort = env.getArgument("sort");
    ListingQueries.Page page = listings.page(filter(env.getArgument("filter")), sort == null ? ListingQueries.Sort.PRICE_ASC
        : ListingQueries.Sort.valueOf(sort), size, env.getArgument("after"), weth);
    return new ListingConnection(page.edges(), new PageInfo(page.hasNext(), page.edges().isEmpty() ? null : page.edges().getLast().cursor()));
  }

  private static @Nullable ListingFilter filter(@Nullable Map<String, Object> filter) {
    if (filter == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> traits = (List<Map<String, Object>>) filter.get("traits");
    return new ListingFilter((String) filter.get("collection"), (String) filter.get("minPriceWei"), (String) filter.get("maxPriceWei"),
        (String) filter.get("currency"), traits == null ? null
            : traits.stream().map(t -> new TraitFilter((String) t.get("traitType"), (String) t.get("value"))).toList(),
        (String) filter.get("search"));
  }
}
