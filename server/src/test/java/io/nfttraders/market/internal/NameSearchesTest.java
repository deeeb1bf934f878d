package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.internal.GraphQlNodes.ListingFilter;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.ListingQueries.Sort;
import io.nfttraders.support.MarketplaceTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A name search is answered from the trigram index's matches when they are few, and by walking the
 * sort order when they are many; either way the pages are those of the plain query, in order, each
 * listing once.
 */
@MarketplaceTest
class NameSearchesTest {

  @Autowired ListingQueries queries;
  @Autowired NameSearches searches;
  @Autowired JdbcClient jdbc;
  @Autowired DeployedContracts contracts;
  String tag;

  @BeforeEach
  void listingsOfACommonNameAndOfARareOne() {
    // a word no other specification's listing has
    tag = "q" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    jdbc.sql("""
            insert into orders (hash, chain_id, exchange, side, maker, collection, token_id, currency, price_wei, start_time, end_time, salt, counter,
              signature, state, invalid_reason, name, traits, created_at, updated_at)
            select '0x' || md5(:tag || i) || md5(:tag || -i), 31337, '0x' || repeat('e', 40), 'SELL', '0x' || lpad(to_hex(i % 7), 40, '0'),
              '0x' || lpad(to_hex(i % 3 + 4096), 40, '0'), i, '0x0000000000000000000000000000000000000000', (1 + i % 13) * 1000000000000000,
              now() - interval '1 day', null, i, 0, '0x', 'OPEN', null,
              case when i <= 1200 then 'Common ' || :tag || ' ' || i else 'Rare ' || :tag || ' ' || i end,
              '[]'::jsonb, now() - (i % 41 || ' minutes')::interval, now()
            from generate_series(1, 1205) as i
            """)
        .param("tag", tag)
        .update();
  }

  @Test
  void aCommonNameIsPagedAlongTheSortOrderAndARareOneFromItsMatchesAlike() {
    assertThat(fewMatch("common " + tag)).as("1,200 match: walk the order").isFalse();
    assertThat(fewMatch("rare " + tag)).as("5 match: sort the matches").isTrue();
    for (String text : List.of("common " + tag, "rare " + tag, "COMMON " + tag + " 11")) {
      for (Sort sort : Sort.values()) {
        assertThat(allPages(text, sort)).as("%s %s", text, sort).isEqualTo(expected(text, sort));
      }
    }
  }

  private boolean fewMatch(String text) {
    Map<String, Object> params = new HashMap<>(Map.of("search", "%" + text + "%", "limit", 25));
    return searches.ifFewMatch(ListingQueries.LIVE + " and name ilike :search", " order by price_wei, hash", params,
        (rs, n) -> ListingQueries.listing(rs, contracts.address("WETH"))).isPresent();
  }

  private List<String> allPages(String text, Sort sort) {
    ListingFilter filter = new ListingFilter(null, null, null, null, null, text);
    List<String> hashes = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 100; page++) {
      ListingQueries.Page found = queries.page(filter, sort, 97, after, contracts.address("WETH"));
      found.nodes().stream().map(ListingNode::hash).forEach(hashes::add);
      if (!found.hasNext()) {
        break;
      }
      after = found.edges().getLast().cursor();
    }
    return hashes;
  }

  private List<String> expected(String text, Sort sort) {
    String order = switch (sort) {
      case PRICE_ASC -> "price_wei, hash";
      case PRICE_DESC -> "price_wei desc, hash desc";
      case RECENT -> "created_at desc, hash desc";
    };
    return jdbc.sql("select hash from orders where " + ListingQueries.LIVE + " and name ilike :search order by " + order)
        .param("search", "%" + text + "%").query(String.class).list();
  }
}
