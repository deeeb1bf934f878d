package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.internal.GraphQlNodes.ListingFilter;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.ListingQueries.Sort;
import io.nfttraders.support.MarketplaceTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A name search is answered by a short walk of the page's order when the text is common there, from
 * the trigram index's matches when they are few, and by the whole walk when they are many but not
 * near the start of the order; every way, the pages are those of the plain query, in order, each
 * listing once.
 */
@MarketplaceTest
class NameSearchesTest {

  @Autowired ListingQueries queries;
  @Autowired JdbcClient jdbc;
  @Autowired DeployedContracts contracts;
  String tag;

  @BeforeEach
  void listingsOfACommonARareAndASparseName() {
    // a word no other specification's listing has
    tag = "q" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
    // common: 1,200 cheap ones; rare: 5; sparse: 1,100 of the dearest, behind 2,100 cheaper fillers (more than NameSearches walks first)
    jdbc.sql("""
            insert into orders (hash, chain_id, exchange, side, maker, collection, token_id, currency, price_wei, start_time, end_time, salt, counter,
              signature, state, invalid_reason, name, traits, created_at, updated_at)
            select '0x' || md5(:tag || i) || md5(:tag || -i), 31337, '0x' || repeat('e', 40), 'SELL', '0x' || lpad(to_hex(i % 7), 40, '0'),
              '0x' || lpad(to_hex(i % 3 + 4096), 40, '0'), i, '0x0000000000000000000000000000000000000000',
              case when i > 3305 then 1000000000000000000000 + i else (1 + i % 13) * 1000 end,
              now() - interval '1 day', null, i, 0, '0x', 'OPEN', null,
              case when i <= 1200 then 'Common ' || :tag || ' ' || i when i <= 1205 then 'Rare ' || :tag || ' ' || i
                   when i <= 3305 then 'Filler ' || :tag || ' ' || i else 'Sparse ' || :tag || ' ' || i end,
              '[]'::jsonb, now() - (i % 41 || ' minutes')::interval, now()
            from generate_series(1, 4405) as i
            """)
        .param("tag", tag)
        .update();
  }

  @AfterEach
  void removeThem() {
    jdbc.sql("delete from orders where name ilike :pattern").param("pattern", "% " + tag + " %").update();
  }

  @Test
  void everyWayOfFindingANameGivesThePagesOfThePlainQuery() {
    for (String text : List.of("common " + tag, "rare " + tag, "sparse " + tag, "COMMON " + tag + " 11", tag)) {
      for (Sort sort : Sort.values()) {
        assertThat(allPages(text, sort)).as("%s %s", text, sort).isEqualTo(expected(text, sort));
      }
    }
  }

  private List<String> allPages(String text, Sort sort) {
    ListingFilter filter = new ListingFilter(null, null, null, null, null, text);
    List<String> hashes = new ArrayList<>();
    String after = null;
    for (int page = 0; page < 100; page++) {
      ListingQueries.Page found = queries.page(filter, sort, 97, after, contracts.weth().address().checksummed());
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
