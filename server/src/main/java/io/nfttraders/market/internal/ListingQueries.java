package io.nfttraders.market.internal;

import io.nfttraders.market.internal.GraphQlNodes.ListingFilter;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.GraphQlNodes.TraitFilter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Keys;
import tools.jackson.databind.json.JsonMapper;

/**
 * The listings page query: live listings under the filter, in a stable order (price or creation
 * time, then hash), continued after an opaque keyset cursor so every page is an index range scan
 * however deep it is (no OFFSET).
 */
@Component
class ListingQueries {

  enum Sort { PRICE_ASC, PRICE_DESC, RECENT }

  static final String LIVE = "side = 'SELL' and state = 'OPEN' and invalid_reason is null and (end_time is null or end_time > now())";
  static final String COLUMNS = "hash, chain_id, collection, token_id, maker, price_wei, currency, created_at, end_time, name";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;

  ListingQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record Page(List<ListingNode> nodes, List<String> cursors, boolean hasNext) {}

  Page page(@Nullable ListingFilter filter, Sort sort, int first, @Nullable String after, String weth) {
    StringBuilder sql = new StringBuilder("select " + COLUMNS + " from orders where " + LIVE);
    Map<String, Object> params = new HashMap<>();
    if (filter != null) {
      if (filter.collection() != null) {
        sql.append(" and collection = :collection");
        params.put("collection", Inputs.address("collection", filter.collection()));
      }
      if (filter.minPriceWei() != null) {
        sql.append(" and price_wei >= :min");
        params.put("min", Inputs.uint("minPriceWei", filter.minPriceWei()));
      }
      if (filter.maxPriceWei() != null) {
        sql.append(" and price_wei <= :max");
        params.put("max", Inputs.uint("maxPriceWei", filter.maxPriceWei()));
      }
      if (filter.currency() != null) {
        sql.append(" and currency = :currency");
        params.put("currency", filter.currency().equals("ETH") ? ExchangeOrder.ETH : weth);
      }
      if (filter.traits() != null && !filter.traits().isEmpty()) {
        sql.append(" and traits @> cast(:traits as jsonb)");
        params.put("traits", JSON.writeValueAsString(filter.traits().stream()
            .map((TraitFilter t) -> Map.of("trait_type", t.traitType(), "value", t.value())).toList()));
      }
    }
    if (after != null) {
      String[] cursor = decode(after);
      Object cursorKey = cursorKey(sort, cursor[0]);
      sql.append(switch (sort) {
        case PRICE_ASC -> " and (price_wei, hash) > (:cursorKey, :cursorHash)";
        case PRICE_DESC -> " and (price_wei, hash) < (:cursorKey, :cursorHash)";
        case RECENT -> " and (created_at, hash) < (:cursorKey, :cursorHash)";
      });
      params.put("cursorKey", cursorKey);
      params.put("cursorHash", cursor[1]);
    }
    sql.append(switch (sort) {
      case PRICE_ASC -> " order by price_wei, hash";
      case PRICE_DESC -> " order by price_wei desc, hash desc";
      case RECENT -> " order by created_at desc, hash desc";
    });
    sql.append(" limit :limit");
    params.put("limit", first + 1);
    List<ListingNode> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> listing(rs, weth)).list();
    boolean hasNext = rows.size() > first;
    List<ListingNode> nodes = hasNext ? rows.subList(0, first) : rows;
    List<String> cursors = nodes.stream().map(node -> encode(sort == Sort.RECENT ? node.createdAt() : node.priceWei(), node.hash())).toList();
    return new Page(nodes, cursors, hasNext);
  }

  static ListingNode listing(ResultSet rs, String weth) throws SQLException {
    BigInteger price = rs.getBigDecimal("price_wei").toBigIntegerExact();
    Timestamp end = rs.getTimestamp("end_time");
    return new ListingNode(rs.getString("hash"), Keys.toChecksumAddress(rs.getString("collection")), rs.getBigDecimal("token_id").toBigIntegerExact().toString(),
        Keys.toChecksumAddress(rs.getString("maker")), price.toString(), OrderView.ether(price), OrderView.currencyName(rs.getString("currency"), weth),
        rs.getTimestamp("created_at").toInstant().truncatedTo(ChronoUnit.MICROS).toString(), end == null ? null : end.toInstant().toString(),
        rs.getString("name"), rs.getLong("chain_id"));
  }

  private static String encode(String key, String hash) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((key + "|" + hash).getBytes(StandardCharsets.UTF_8));
  }

  /** A cursor is only good for the sort it was handed out with. */
  private static Object cursorKey(Sort sort, String key) {
    try {
      return sort == Sort.RECENT ? Timestamp.from(Instant.parse(key)) : new java.math.BigDecimal(new BigInteger(key));
    } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
      throw new MarketProblems.InvalidOrder("the cursor belongs to another sort order");
    }
  }

  private static String[] decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
      if (parts.length != 2 || !parts[1].matches("0x[0-9a-f]{64}") || !parts[0].matches("[0-9]{1,78}|[0-9TZ:.\\-]{20,40}")) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new MarketProblems.InvalidOrder("the cursor is not one this API handed out");
    }
  }

  /** Live listings of many tokens, cheapest first per token. */
  Map<String, List<ListingNode>> listingsOf(long chainId, List<GraphQlNodes.NftNode> nfts, String weth) {
    return jdbc.sql("select " + COLUMNS + " from orders where " + LIVE + """
             and chain_id = :chain and (collection, token_id) in (select * from unnest(:collections::text[], :tokens::numeric[]))
            order by price_wei, hash
            """)
        .param("chain", chainId)
        .param("collections", nfts.stream().map(n -> n.collection().toLowerCase()).toArray(String[]::new))
        .param("tokens", nfts.stream().map(n -> new java.math.BigDecimal(n.tokenId())).toArray(java.math.BigDecimal[]::new))
        .query((rs, n) -> listing(rs, weth))
        .list().stream()
        .collect(Collectors.groupingBy(l -> l.collection().toLowerCase() + "/" + l.tokenId()));
  }
}
