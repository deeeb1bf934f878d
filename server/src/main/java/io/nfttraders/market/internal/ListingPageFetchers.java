package io.nfttraders.market.internal;

import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import graphql.schema.idl.RuntimeWiring;
import io.nfttraders.market.internal.GraphQlNodes.ListingConnection;
import io.nfttraders.market.internal.GraphQlNodes.ListingEdge;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.GraphQlNodes.PageInfo;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The listings page's fields read their record components directly. graphql-java's default
 * property fetcher finds each getter through a cache lookup with a key built per fetch; a page of
 * 24 listings fetches about 250 fields, which made those lookups a visible share of the page.
 */
@Component
class ListingPageFetchers implements RuntimeWiringConfigurer {

  @Override
  public void configure(RuntimeWiring.Builder wiring) {
    wiring.type("ListingConnection", type -> type
        .dataFetcher("edges", direct(ListingConnection::edges))
        .dataFetcher("pageInfo", direct(ListingConnection::pageInfo)));
    wiring.type("ListingEdge", type -> type
        .dataFetcher("cursor", direct(ListingEdge::cursor))
        .dataFetcher("node", direct(ListingEdge::node)));
    wiring.type("PageInfo", type -> type
        .dataFetcher("hasNextPage", direct(PageInfo::hasNextPage))
        .dataFetcher("endCursor", direct(PageInfo::endCursor)));
    wiring.type("Listing", type -> type
        .dataFetcher("hash", direct(ListingNode::hash))
        .dataFetcher("collection", direct(ListingNode::collection))
        .dataFetcher("tokenId", direct(ListingNode::tokenId))
        .dataFetcher("maker", direct(ListingNode::maker))
        .dataFetcher("priceWei", direct(ListingNode::priceWei))
        .dataFetcher("price", direct(ListingNode::price))
        .dataFetcher("currency", direct(ListingNode::currency))
        .dataFetcher("createdAt", direct(ListingNode::createdAt))
        .dataFetcher("endTime", direct(ListingNode::endTime))
        .dataFetcher("name", direct(ListingNode::name)));
  }

  /** A fetcher that needs no environment (a "light" one: graphql-java then builds none for it). */
  private static <S> LightDataFetcher<Object> direct(Function<S, ?> component) {
    return new LightDataFetcher<>() {
      @Override
      @SuppressWarnings("unchecked")
      public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
        return component.apply((S) source);
      }

      @Override
      public Object get(DataFetchingEnvironment environment) {
        return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
      }
    };
  }
}
