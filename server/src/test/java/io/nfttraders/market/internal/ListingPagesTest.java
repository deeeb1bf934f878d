package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.internal.GraphQlNodes.ListingFilter;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.GraphQlNodes.TraitFilter;
import io.nfttraders.market.internal.ListingQueries.Sort;
import io.nfttraders.support.MarketplaceTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A collection's listings page is served from memory ({@link LiveListings}); other pages come from
 * SQL. Both must give the same pages: the same rows, in the same order, continued by the same
 * cursors, for every sort and filter, including prices shared by many listings, listings outside
 * their time window and invalid ones.
 */
@MarketplaceTest
class ListingPagesTest {

  @Autowired ListingQueries queries;
  @Autowired LiveListings live;
  @Autowired JdbcClient jdbc;
  @Autowired DeployedContracts contracts;
  final Random random = new Random(42);
  String collection;
  String weth;

  @BeforeEach
  void aCollectionOf300ListingsWithRepeatedPrices() {
    // a collection of its own (a new test instance per method, hence not from the seeded random)
    collection = "0x" + String.format("%040x", java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    weth = contracts.weth().address().hex();
    jdbc.sql("""
            insert into orders (hash, chain_id, exchange, side, maker, collection, token_id, currency, price_wei, start_time, end_time, salt, counter,
              signature, state, invalid_reason, name, traits, created_at, updated_at)
            select '0x' || md5(:c || i) || md5(:c || -i), 31337, '0x' || repeat('e', 40), 'SELL', '0x' || lpad(to_hex(i % 7), 40, '0'), :c, i,
              case when i % 5 = 0 then :weth else '0x0000000000000000000000000000000000000000' end,
              (1 + i % 13) * 1000000000000000,
              case when i % 17 = 0 then now() + interval '1 day' else now() - interval '1 day' end,
              case when i % 19 = 0 then now() - interval '1 hour' when i % 2 = 0 then null else now() + interval '1 day' end,
              i, 0, '0x', case when i % 23 = 0 then 'CANCELLED' else 'OPEN' end, case when i % 29 = 0 then 'NOT_OWNER' end, 'Lot ' || i,
              case when i % 3 = 0 then '[{"trait_type": "Background", "value": "Blue"}, {"trait_type": "Eyes", "value": 3}]'::jsonb
                   else '[{"trait_type": "Background", "value": "Red"}]'::jsonb end,
              now() - (i % 41 || ' minutes')::interval, now()
            from generate_series(1, 300) as i
            """)
        .param("c", collection)
        .param("weth", weth)
        .update();
  }

  @Test
  void everyPageFromMemoryEqualsThePageFromSql() {
    await().atMost(Duration.ofSeconds(5)).until(() -> live.of(collection).isPresent());
    for (int round = 0; round < 150; round++) {
      Sort sort = Sort.values()[random.nextInt(Sort.values().length)];
      ListingFilter filter = new ListingFilter(collection, random.nextBoolean() ? price() : null, random.nextBoolean() ? price() : null,
          random.nextInt(3) == 0 ? (random.nextBoolean() ? "ETH" : "WETH") : null,
          random.nextInt(4) == 0 ? List.of(new TraitFilter("Background", "Blue"), new TraitFilter("Eyes", "3")) : null, null);
      int first = 1 + random.nextInt(40);
      String after = null;
      List<String> fromMemory = new ArrayList<>();
      List<String> fromSql = new ArrayList<>();
      for (int page = 0; page < 20; page++) {
        ListingQueries.Page memory = queries.page(filter, sort, first, after, weth);
        ListingQueries.Page sql = queries.pageFromSql(filter, sort, first, after, weth);
        assertThat(memory.edges()).as("round %d page %d %s %s first %d", round, page, sort, filter, first).isEqualTo(sql.edges());
        assertThat(memory.hasNext()).isEqualTo(sql.hasNext());
        memory.nodes().stream().map(ListingNode::hash).forEach(fromMemory::add);
        sql.nodes().stream().map(ListingNode::hash).forEach(fromSql::add);
        if (!memory.hasNext()) {
          break;
        }
        after = memory.edges().getLast().cursor();
      }
      assertThat(fromMemory).doesNotHaveDuplicates().isEqualTo(fromSql);
    }
  }

  @Test
  void aChangeCommittedToTheBookReachesTheMemoryPage() {
    ListingFilter filter = new ListingFilter(collection, null, null, null, null, null);
    List<ListingNode> before = queries.page(filter, Sort.PRICE_ASC, 100, null, weth).nodes();
    String cheapest = before.getFirst().hash();
    jdbc.sql("update orders set invalid_reason = 'NOT_APPROVED' where hash = :h").param("h", cheapest).update();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
        .until(() -> queries.page(filter, Sort.PRICE_ASC, 100, null, weth).nodes().stream().noneMatch(n -> n.hash().equals(cheapest)));
    jdbc.sql("update orders set invalid_reason = null where hash = :h").param("h", cheapest).update();
    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
        .until(() -> queries.page(filter, Sort.PRICE_ASC, 100, null, weth).nodes().getFirst().hash().equals(cheapest));
  }

  @Test
  void aLostListeningConnectionIsReplacedAndWhatChangedMeanwhileIsNotServedStale() {
    ListingFilter filter = new ListingFilter(collection, null, null, null, null, null);
    String cheapest = queries.page(filter, Sort.PRICE_ASC, 1, null, weth).nodes().getFirst().hash();
    int terminated = jdbc.sql("select count(pg_terminate_backend(pid)) from pg_stat_activity where application_name = :name")
        .param("name", LiveListings.APPLICATION_NAME).query(Integer.class).single();
    assertThat(terminated).isEqualTo(1);
    jdbc.sql("update orders set invalid_reason = 'NOT_APPROVED' where hash = :h").param("h", cheapest).update();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> live.of(collection).isPresent()
        && queries.page(filter, Sort.PRICE_ASC, 300, null, weth).nodes().stream().noneMatch(n -> n.hash().equals(cheapest)));
    assertThat(jdbc.sql("select count(*) from pg_stat_activity where application_name = :name").param("name", LiveListings.APPLICATION_NAME)
        .query(Integer.class).single())
        .as("listening again").isEqualTo(1);
  }

  private @Nullable String price() {
    return String.valueOf((1 + random.nextInt(14)) * 1_000_000_000_000_000L - (random.nextBoolean() ? 0 : 1));
  }
}
