package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.market.internal.GraphQlNodes.ListingEdge;
import io.nfttraders.market.internal.GraphQlNodes.ListingFilter;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.GraphQlNodes.TraitFilter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The listings page query: live listings under the filter, in a stable order (price or creation
 * time, then hash), continued after an opaque keyset cursor so every page is an index range scan
 * however deep it is (no OFFSET).
 */
@Component
class ListingQueries {

  enum Sort { PRICE_ASC, PRICE_DESC, RECENT }

  /** Listings that are fillable as far as the book and the chain go; LIVE adds the time window. */
  static final String OPEN_LISTING = "side = 'SELL' and state = 'OPEN' and invalid_reason is null";
  static final String LIVE = OPEN_LISTING + " and start_time <= now() and (end_time is null or end_time > now())";
  static final String COLUMNS = "hash, chain_id, collection, token_id, amount, maker, price_wei, currency, created_at, end_time, name";

  private final JdbcClient jdbc;
  private final LiveListings live;
  private final Clock clock;
  private final NameSearches searches;

  ListingQueries(JdbcClient jdbc, LiveListings live, Clock clock, NameSearches searches) {
    this.searches = searches;
    this.jdbc = jdbc;
    this.live = live;
    this.clock = clock;
  }

  record Page(List<ListingEdge> edges, boolean hasNext) {
    List<ListingNode> nodes() {
      return edges.stream().map(ListingEdge::node).toList();
    }
  }

  /** Where a page continues: after this price (price sorts) or creation time (RECENT), then hash. */
  record Cursor(@Nullable BigInteger price, @Nullable Instant created, String hash) {}

  /** A collection's page comes from memory ({@link LiveListings}); other pages (and searches), and all while that is unavailable, from SQL. */
  Page page(@Nullable ListingFilter filter, Sort sort, int first, @Nullable String after, String weth) {
    Cursor cursor = after == null ? null : ListingCursors.decode(sort, after);
    if (filter != null && filter.collection() != null && filter.search() == null) {
      String collection = Inputs.address("collection", filter.collection()).hex();
      Optional<CollectionListings> listings = live.of(collection);
      if (listings.isPresent()) {
        CollectionListings.Criteria criteria = new CollectionListings.Criteria(
            filter.minPriceWei() == null ? null : Inputs.uint("minPriceWei", filter.minPriceWei()),
            filter.maxPriceWei() == null ? null : Inputs.uint("maxPriceWei", filter.maxPriceWei()),
            filter.currency() == null ? null : filter.currency().equals("ETH") ? ExchangeOrder.ETH : weth,
            filter.traits() == null ? Set.of() : filter.traits().stream().map(t -> LiveListings.traitKey(t.traitType(), t.value())).collect(Collectors.toSet()),
            clock.instant());
        List<CollectionListings.Entry> rows = listings.get().page(sort, cursor, criteria, first + 1);
        List<CollectionListings.Entry> shown = rows.size() > first ? rows.subList(0, first) : rows;
        return new Page(shown.stream().map(e -> new ListingEdge(e.cursor(sort), e.node())).toList(), rows.size() > first);
      }
    }
    return page(sql(filter, sort, first, cursor, weth), sort, first);
  }

  /** The page through SQL whatever the filter: what a collection's page falls back to, and what it must equal. */
  Page pageFromSql(@Nullable ListingFilter filter, Sort sort, int first, @Nullable String after, String weth) {
    return page(sql(filter, sort, first, after == null ? null : ListingCursors.decode(sort, after), weth), sort, first);
  }

  private static Page page(List<ListingNode> rows, Sort sort, int first) {
    boolean hasNext = rows.size() > first;
    List<ListingNode> nodes = hasNext ? rows.subList(0, first) : rows;
    return new Page(nodes.stream().map(node -> new ListingEdge(sort == Sort.RECENT ? ListingCursors.ofCreated(Instant.parse(node.createdAt()), node.hash())
        : ListingCursors.ofPrice(new BigInteger(node.priceWei()), node.hash()), node)).toList(), hasNext);
  }

  /** The page through SQL; {@code where} holds its conditions on {@code orders}. */
  private List<ListingNode> sql(@Nullable ListingFilter filter, Sort sort, int first, @Nullable Cursor cursor, String weth) {
    StringBuilder where = new StringBuilder(LIVE);
    Map<String, Object> params = new HashMap<>();
    if (filter != null) {
      if (filter.collection() != null) {
        where.append(" and collection = :collection");
        params.put("collection", Inputs.address("collection", filter.collection()).hex());
      }
      if (filter.minPriceWei() != null) {
        where.append(" and price_wei >= :min");
        params.put("min", Inputs.uint("minPriceWei", filter.minPriceWei()));
      }
      if (filter.maxPriceWei() != null) {
        where.append(" and price_wei <= :max");
        params.put("max", Inputs.uint("maxPriceWei", filter.maxPriceWei()));
      }
      if (filter.currency() != null) {
        where.append(" and currency = :currency");
        params.put("currency", filter.currency().equals("ETH") ? ExchangeOrder.ETH : weth);
      }
      if (filter.search() != null) {
        // the condition itself is NameSearches'
        params.put("search", "%" + Inputs.searchText(filter.search()).replaceAll("([\\\\%_])", "\\\\$1") + "%");
      }
      if (filter.traits() != null && !filter.traits().isEmpty()) {
        // every trait asked for is among the token's attributes, values compared as text (as in memory)
        where.append(" and not exists (select 1 from unnest(cast(:traitTypes as text[]), cast(:traitValues as text[])) as f(trait_type, value)"
            + " where not exists (select 1 from jsonb_array_elements(traits) t where t->>'trait_type' = f.trait_type and t->>'value' = f.value))");
        params.put("traitTypes", filter.traits().stream().map(TraitFilter::traitType).toArray(String[]::new));
        params.put("traitValues", filter.traits().stream().map(TraitFilter::value).toArray(String[]::new));
      }
    }
    if (cursor != null) {
      where.append(switch (sort) {
        case PRICE_ASC -> " and (price_wei, hash) > (:cursorKey, :cursorHash)";
        case PRICE_DESC -> " and (price_wei, hash) < (:cursorKey, :cursorHash)";
        case RECENT -> " and (created_at, hash) < (:cursorKey, :cursorHash)";
      });
      params.put("cursorKey", sort == Sort.RECENT ? Timestamp.from(cursor.created()) : new BigDecimal(cursor.price()));
      params.put("cursorHash", cursor.hash());
    }
    String order = switch (sort) {
      case PRICE_ASC -> " order by price_wei, hash";
      case PRICE_DESC -> " order by price_wei desc, hash desc";
      case RECENT -> " order by created_at desc, hash desc";
    };
    params.put("limit", first + 1);
    if (filter != null && filter.search() != null) {
      return searches.page(where.toString(), order, params, (rs, n) -> listing(rs, weth));
    }
    return jdbc.sql("select " + COLUMNS + " from orders where " + where + order + " limit :limit").params(params)
        .query((rs, n) -> listing(rs, weth)).list();
  }

  static ListingNode listing(ResultSet rs, String weth) throws SQLException {
    return listing(rs, weth, Address.of(rs.getString("collection")).checksummed(), Address.of(rs.getString("maker")).checksummed());
  }

  /** A row as a node, with its collection and maker already in EIP-55 form (a Keccak each, worth sharing between rows). */
  static ListingNode listing(ResultSet rs, String weth, String collection, String maker) throws SQLException {
    BigInteger price = rs.getBigDecimal("price_wei").toBigIntegerExact();
    Timestamp end = rs.getTimestamp("end_time");
    return new ListingNode(rs.getString("hash"), collection, rs.getBigDecimal("token_id").toBigIntegerExact().toString(),
        rs.getBigDecimal("amount").toBigIntegerExact().toString(), maker, price.toString(), OrderView.ether(price),
        OrderView.currencyName(rs.getString("currency"), weth),
        rs.getTimestamp("created_at").toInstant().truncatedTo(ChronoUnit.MICROS).toString(), end == null ? null : end.toInstant().toString(),
        rs.getString("name"), rs.getLong("chain_id"));
  }

  /** Live listings of many tokens, cheapest first per token. */
  Map<String, List<ListingNode>> listingsOf(long chainId, List<GraphQlNodes.NftNode> nfts, String weth) {
    return jdbc.sql("select " + COLUMNS + " from orders where " + LIVE + """
             and chain_id = :chain and (collection, token_id) in (select * from unnest(:collections::text[], :tokens::numeric[]))
            order by price_wei, hash
            """)
        .param("chain", chainId)
        .param("collections", nfts.stream().map(n -> n.collection().toLowerCase()).toArray(String[]::new))
        .param("tokens", nfts.stream().map(n -> new BigDecimal(n.tokenId())).toArray(java.math.BigDecimal[]::new))
        .query((rs, n) -> listing(rs, weth))
        .list().stream()
        .collect(Collectors.groupingBy(l -> l.collection().toLowerCase() + "/" + l.tokenId()));
  }
}
