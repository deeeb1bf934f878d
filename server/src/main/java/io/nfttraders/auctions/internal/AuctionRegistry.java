package io.nfttraders.auctions.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The sequencers of the auctions this server has touched, one per auction, each rebuilt from the
 * auction's row and its log's last event when first needed.
 */
@Component
class AuctionRegistry {

  private static final String COLUMNS = "id, chain_id, collection, token_id, amount, seller, seller_user_id, type, start_price_wei, floor_price_wei,"
      + " buy_now_price_wei, starts_at, duration_ms, min_increment_bps, extension_window_ms, created_at";

  private final Map<UUID, LiveAuction> live = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;
  private final AuctionLog log;
  private final BidderFunds funds;
  private final AuctionFeed feed;
  private final BidScheduling scheduling;
  private final Clock clock;

  AuctionRegistry(JdbcClient jdbc, AuctionLog log, BidderFunds funds, AuctionFeed feed, BidScheduling scheduling, Clock clock) {
    this.scheduling = scheduling;
    this.clock = clock;
    this.jdbc = jdbc;
    this.log = log;
    this.funds = funds;
    this.feed = feed;
  }

  Optional<LiveAuction> find(UUID id) {
    LiveAuction known = live.get(id);
    if (known != null) {
      return Optional.of(known);
    }
    return jdbc.sql("select " + COLUMNS + " from auctions where id = :id").param("id", id).query((rs, n) -> auction(rs)).optional()
        .map(a -> live.computeIfAbsent(a.id(), x -> sequencer(a)));
  }

  /** Loads every auction that has not finished, so that its end is noticed and its leading bid holds funds. */
  void loadUnfinished() {
    List<Auction> unfinished = jdbc.sql("select " + COLUMNS + " from auctions where phase in ('OPEN', 'ENDED')").query((rs, n) -> auction(rs)).list();
    for (Auction a : unfinished) {
      live.computeIfAbsent(a.id(), x -> sequencer(a)).state();
    }
  }

  /** Auctions still taking bids (phase OPEN), newest first. */
  List<LiveAuction> open(int first) {
    return jdbc.sql("select id from auctions where phase = 'OPEN' order by created_at desc, id limit :first").param("first", first)
        .query(UUID.class).list().stream().flatMap(id -> find(id).stream()).toList();
  }

  /** The token's auction that is taking bids, if any (the oldest, when several holders auction copies of an ERC-1155 token). */
  Optional<LiveAuction> openOf(String collection, BigInteger tokenId) {
    return jdbc.sql("select id from auctions where phase = 'OPEN' and collection = :collection and token_id = :token order by created_at, id limit 1")
        .param("collection", collection).param("token", new BigDecimal(tokenId)).query(UUID.class).optional().flatMap(this::find);
  }

  Collection<LiveAuction> all() {
    return live.values();
  }

  private LiveAuction sequencer(Auction auction) {
    return new LiveAuction(auction, log, funds,
        () -> log.last(auction.id()).map(AuctionEvent::state).orElseGet(() -> AuctionState.opened(auction.terms())), event -> {
          feed.publish(event);
          if (event.state().phase().finished()) {
            // nothing more will happen to it; a later read reloads it from the log
            live.remove(auction.id());
          }
        }, scheduling, clock);
  }

  private static Auction auction(ResultSet rs) throws SQLException {
    AuctionTerms terms = new AuctionTerms(AuctionType.valueOf(rs.getString("type")), wei(rs, "start_price_wei"),
        rs.getBigDecimal("floor_price_wei") == null ? null : wei(rs, "floor_price_wei"),
        rs.getBigDecimal("buy_now_price_wei") == null ? null : wei(rs, "buy_now_price_wei"),
        rs.getTimestamp("starts_at").toInstant(), Duration.ofMillis(rs.getLong("duration_ms")), rs.getInt("min_increment_bps"),
        Duration.ofMillis(rs.getLong("extension_window_ms")));
    return new Auction(rs.getObject("id", UUID.class), rs.getLong("chain_id"), rs.getString("collection"), wei(rs, "token_id"), wei(rs, "amount"),
        rs.getString("seller"), rs.getObject("seller_user_id", UUID.class), terms, rs.getTimestamp("created_at").toInstant());
  }

  private static BigInteger wei(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column).toBigIntegerExact();
  }
}
