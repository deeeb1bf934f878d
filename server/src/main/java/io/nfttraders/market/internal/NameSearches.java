package io.nfttraders.market.internal;

import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page of listings whose name contains a text, when the text is rare. The trigram index (V14)
 * finds the matches, and up to {@value #SORTED_FROM_MATCHES} of them are sorted for the page. A
 * text matching more is common enough that walking the page's sort order finds a page at once,
 * which the caller then does. PostgreSQL's planner cannot tell the two apart from its statistics:
 * a name with 111 matches among 1,000,000 listings, which its sample made look common, had it walk
 * the whole price index for 25 seconds (docs/benchmarks.md).
 */
@Component
class NameSearches {

  static final int SORTED_FROM_MATCHES = 1_000;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  NameSearches(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * The page ({@code order}, at most {@code :limit} rows) of the listings under {@code where}, or
   * empty if more than {@value #SORTED_FROM_MATCHES} listings match.
   *
   * @param where a condition on {@code orders} that includes a name search ({@code name ilike})
   */
  Optional<List<ListingNode>> ifFewMatch(String where, String order, Map<String, Object> params, RowMapper<ListingNode> rows) {
    return transactions.execute(status -> {
      // the only plan left is a bitmap scan of an index: the trigram index is the one that serves "name ilike"
      jdbc.sql("set local enable_seqscan = off").update();
      jdbc.sql("set local enable_indexscan = off").update();
      long[] matches = {0};
      List<ListingNode> page = jdbc.sql("select *, count(*) over () as matches from (select " + ListingQueries.COLUMNS + " from orders where "
              + where + " limit " + (SORTED_FROM_MATCHES + 1) + ") m" + order + " limit :limit")
          .params(params)
          .query((rs, n) -> {
            matches[0] = rs.getLong("matches");
            return rows.mapRow(rs, n);
          })
          .list();
      return matches[0] > SORTED_FROM_MATCHES ? Optional.empty() : Optional.of(page);
    });
  }
}
