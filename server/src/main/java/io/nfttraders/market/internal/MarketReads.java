package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.market.internal.GraphQlNodes.ActivityNode;
import io.nfttraders.market.internal.GraphQlNodes.CollectionStats;
import io.nfttraders.market.internal.GraphQlNodes.ListingNode;
import io.nfttraders.market.internal.GraphQlNodes.NftNode;
import io.nfttraders.market.internal.GraphQlNodes.OfferNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads behind the GraphQL fields other than the listings page: offers, activity, stats, a user's orders. */
@Component
class MarketReads {

  private final JdbcClient jdbc;

  MarketReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<String, List<OfferNode>> offersOf(long chainId, List<NftNode> nfts) {
    return jdbc.sql("""
            select collection, token_id, amount, hash, maker, price_wei, invalid_reason, created_at, end_time from orders
            where side = 'BUY' and state = 'OPEN' and chain_id = :chain
              and (collection, token_id) in (select * from unnest(:collections::text[], :tokens::numeric[]))
            order by price_wei desc, hash
            """)
        .param("chain", chainId)
        .param("collections", nfts.stream().map(n -> n.collection().toLowerCase()).toArray(String[]::new))
        .param("tokens", nfts.stream().map(n -> new BigDecimal(n.tokenId())).toArray(BigDecimal[]::new))
        .query((rs, n) -> Map.entry(rs.getString(1) + "/" + rs.getBigDecimal(2).toBigIntegerExact(), offer(rs)))
        .list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  List<OfferNode> offersBy(String maker) {
    return jdbc.sql("""
            select collection, token_id, amount, hash, maker, price_wei, invalid_reason, created_at, end_time from orders
            where side = 'BUY' and state = 'OPEN' and maker = :maker order by created_at desc limit 100
            """)
        .param("maker", maker)
        .query((rs, n) -> offer(rs))
        .list();
  }

  List<ListingNode> listingsBy(String maker, String weth) {
    return jdbc.sql("select " + ListingQueries.COLUMNS + " from orders where " + ListingQueries.LIVE + " and maker = :maker order by created_at desc limit 100")
        .param("maker", maker)
        .query((rs, n) -> ListingQueries.listing(rs, weth))
        .list();
  }

  Map<String, List<ActivityNode>> activityOf(long chainId, List<NftNode> nfts) {
    return jdbc.sql("""
            select k.collection, a.token_id, a.kind, a.from_address, a.to_address, a.price_wei, a.currency, a.tx_hash, a.block_number, a.at
            from unnest(:collections::text[], :tokens::numeric[]) as k(collection, token_id)
            cross join lateral (select * from market_activity m where m.chain_id = :chain and m.collection = k.collection and m.token_id = k.token_id
              order by m.id desc limit 100) a
            """)
        .param("chain", chainId)
        .param("collections", nfts.stream().map(n -> n.collection().toLowerCase()).toArray(String[]::new))
        .param("tokens", nfts.stream().map(n -> new BigDecimal(n.tokenId())).toArray(BigDecimal[]::new))
        .query((rs, n) -> Map.entry(rs.getString(1) + "/" + rs.getBigDecimal(2).toBigIntegerExact(), activity(rs)))
        .list().stream()
        .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
  }

  /** @param scope "collection" or "user" (as maker, seller or buyer) */
  List<ActivityNode> activity(String scope, String address, int limit) {
    String where = scope.equals("collection") ? "collection = :address" : "(from_address = :address or to_address = :address)";
    return jdbc.sql("select null, token_id, kind, from_address, to_address, price_wei, currency, tx_hash, block_number, at from market_activity where "
            + where + " order by id desc limit :limit")
        .param("address", address)
        .param("limit", limit)
        .query((rs, n) -> activity(rs))
        .list();
  }

  CollectionStats stats(String collection, IndexedNfts.CollectionCounts counts) {
    return jdbc.sql("""
            select (select min(price_wei) from orders where collection = :c and currency = :eth and %s) as floor,
                   (select count(*) from orders where collection = :c and %s) as listed,
                   (select coalesce(sum(price_wei), 0) from sales where collection = :c) as volume,
                   (select count(*) from sales where collection = :c) as sales
            """.formatted(ListingQueries.LIVE, ListingQueries.LIVE))
        .param("c", collection)
        .param("eth", ExchangeOrder.ETH)
        .query((rs, n) -> new CollectionStats(rs.getBigDecimal("floor") == null ? null : rs.getBigDecimal("floor").toBigIntegerExact().toString(),
            rs.getBigDecimal("volume").toBigIntegerExact().toString(), rs.getInt("sales"), (int) counts.owners(), (int) counts.items(),
            rs.getInt("listed")))
        .single();
  }

  private static OfferNode offer(ResultSet rs) throws SQLException {
    BigInteger price = rs.getBigDecimal("price_wei").toBigIntegerExact();
    Timestamp end = rs.getTimestamp("end_time");
    String reason = rs.getString("invalid_reason");
    return new OfferNode(rs.getString("hash"), Address.of(rs.getString("maker")).checksummed(), rs.getBigDecimal("amount").toBigIntegerExact().toString(),
        price.toString(), OrderView.ether(price), reason == null,
        reason, rs.getTimestamp("created_at").toInstant().toString(), end == null ? null : end.toInstant().toString());
  }

  private static ActivityNode activity(ResultSet rs) throws SQLException {
    BigDecimal price = rs.getBigDecimal("price_wei");
    Timestamp at = rs.getTimestamp("at");
    long block = rs.getLong("block_number");
    boolean hasBlock = !rs.wasNull();
    String from = rs.getString("from_address");
    String to = rs.getString("to_address");
    return new ActivityNode(rs.getString("kind"), from == null ? null : Address.of(from).checksummed(), to == null ? null : Address.of(to).checksummed(),
        price == null ? null : price.toBigIntegerExact().toString(), rs.getString("currency"), rs.getString("tx_hash"), hasBlock ? (double) block : null,
        at == null ? null : at.toInstant().toString());
  }
}
