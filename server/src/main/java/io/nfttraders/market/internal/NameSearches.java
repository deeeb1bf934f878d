package io.nfttraders.market.internal;

import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A page of listings whose name contains a text. PostgreSQL's planner cannot tell a rare text from
 * a common one by its statistics: it walked the whole price index for 25 seconds over 1,000,000
 * listings for a name with 111 matches that its sample made look common (docs/benchmarks.md). So
 * the page is found in steps, each bounded:
 * <ol>
 *   <li>the first {@value #WALKED_FIRST} listings in the page's order: a common text fills the page there;
 *   <li>else the trigram index's matches (V14), sorted here if there are at most {@value #SORTED_FROM_MATCHES};
 *   <li>else the walk along the page's order, which such a frequent text soon fills.
 * </ol>
 */
@Component
class NameSearches {

  static final int WALKED_FIRST = 250;
  static final int SORTED_FROM_MATCHES = 1_000;
  private static final String NAME_CONTAINS = "name ilike :search escape '\\'";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;

  NameSearches(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /**
   * @param where the page's other conditions on {@code orders} (its cursor included)
   * @param params their values, {@code :search} (an ilike pattern) and {@code :limit}
   */
  List<ListingNode> page(String where, String order, Map<String, Object> params, RowMapper<ListingNode> rows) {
    int limit = (Integer) params.get("limit");
    List<ListingNode> early = jdbc.sql("select * from (select " + ListingQueries.COLUMNS + " from orders where " + where + order
            + " limit " + WALKED_FIRST + ") walked where " + NAME_CONTAINS + order + " limit :limit")
        .params(params).query(rows).list();
    if (early.size() == limit) {
      return early;
    }
    List<ListingNode> fromMatches = transactions.execute(status -> {
      // the only plan left is a bitmap scan of an index: the trigram index is the one that serves "name ilike"
      jdbc.sql("set local enable_seqscan = off").update();
      jdbc.sql("set local enable_indexscan = off").update();
      long[] matches = {0};
      List<ListingNode> page = jdbc.sql("select *, count(*) over () as matches from (select " + ListingQueries.COLUMNS + " from orders where "
              + where + " and " + NAME_CONTAINS + " limit " + (SORTED_FROM_MATCHES + 1) + ") m" + order + " limit :limit")
          .params(params)
          .query((rs, n) -> {
            matches[0] = rs.getLong("matches");
            return rows.mapRow(rs, n);
          })
          .list();
      return matches[0] > SORTED_FROM_MATCHES ? null : page;
    });
    if (fromMatches != null) {
      return fromMatches;
    }
    return jdbc.sql("select " + ListingQueries.COLUMNS + " from orders where " + where + " and " + NAME_CONTAINS + order + " limit :limit")
        .params(params).query(rows).list();
  }
}
