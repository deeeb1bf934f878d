package io.nfttraders.auctions.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The settlement attempts of ended auctions, one per bidder tried (auction_settlements). An
 * attempt is settled by its auction's SETTLED event, in the log's transaction: exactly when the
 * event is stored, even if settlement stopped waiting for it.
 */
@Component
class SettlementAttempts implements AuctionLog.Projection {

  enum State { OFFERED, ACCEPTED, SETTLED, FAILED }

  record Attempt(UUID auction, int number, String bidder, UUID bidderUser, BigInteger amount, @Nullable String offerHash, @Nullable UUID tradeId,
      State state, Instant updatedAt) {}

  /** A bidder who may be asked to pay: their highest bid in the auction. */
  record Candidate(String bidder, UUID bidderUser, BigInteger amount) {}

  private static final Logger log = LoggerFactory.getLogger(SettlementAttempts.class);

  private final JdbcClient jdbc;

  SettlementAttempts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Attempt> underWay(UUID auction) {
    return jdbc.sql("""
            select auction_id, attempt, bidder, bidder_user_id, amount_wei, offer_hash, trade_id, state, updated_at from auction_settlements
            where auction_id = :auction and state in ('OFFERED', 'ACCEPTED')
            """)
        .param("auction", auction)
        .query((rs, n) -> new Attempt(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getObject(4, UUID.class),
            rs.getBigDecimal(5).toBigIntegerExact(), rs.getString(6), rs.getObject(7, UUID.class), State.valueOf(rs.getString(8)),
            rs.getTimestamp(9).toInstant()))
        .optional();
  }

  /** The bidders not tried yet, highest bid first, each with their highest bid. */
  List<Candidate> untried(UUID auction) {
    Set<String> tried = Set.copyOf(jdbc.sql("select bidder from auction_settlements where auction_id = :auction").param("auction", auction)
        .query(String.class).list());
    return jdbc.sql("""
            select distinct on (bidder) bidder, bidder_user_id, amount_wei from auction_events
            where auction_id = :auction and kind = 'BID' order by bidder, amount_wei desc
            """)
        .param("auction", auction)
        .query((rs, n) -> new Candidate(rs.getString(1), rs.getObject(2, UUID.class), rs.getBigDecimal(3).toBigIntegerExact()))
        .list().stream()
        .filter(c -> !tried.contains(c.bidder()))
        .sorted(Comparator.comparing(Candidate::amount).reversed())
        .collect(Collectors.toList());
  }

  int count(UUID auction) {
    return jdbc.sql("select count(*) from auction_settlements where auction_id = :auction").param("auction", auction).query(Integer.class).single();
  }

  void start(UUID auction, int number, Candidate candidate, @Nullable String offerHash, State state, @Nullable String failure, Instant now) {
    jdbc.sql("""
            insert into auction_settlements (auction_id, attempt, bidder, bidder_user_id, amount_wei, offer_hash, state, failure, created_at, updated_at)
            values (:auction, :number, :bidder, :user, :amount, :offer, :state, :failure, :now, :now)
            """)
        .param("auction", auction).param("number", number).param("bidder", candidate.bidder()).param("user", candidate.bidderUser())
        .param("amount", new BigDecimal(candidate.amount())).param("offer", offerHash).param("state", state.name()).param("failure", failure)
        .param("now", Timestamp.from(now))
        .update();
  }

  void accepted(Attempt attempt, UUID tradeId, Instant now) {
    move(attempt, State.ACCEPTED, tradeId, null, now);
  }

  @Override
  public void stored(List<AuctionEvent> events) {
    for (AuctionEvent e : events) {
      if (e.kind() == AuctionEvent.Kind.SETTLED) {
        int settled = jdbc.sql("update auction_settlements set state = 'SETTLED', updated_at = :at where auction_id = :auction and trade_id = :trade and state = 'ACCEPTED'")
            .param("at", Timestamp.from(e.at())).param("auction", e.auctionId()).param("trade", UUID.fromString(Objects.requireNonNull(e.detail())))
            .update();
        if (settled != 1) {
          // said, not thrown: throwing would refuse every other auction's events in the batch too
          log.error("settled auction has no accepted attempt with its trade auctionId={} tradeId={} seq={}", e.auctionId(), e.detail(), e.seq());
        }
      }
    }
  }

  void failed(Attempt attempt, String failure, Instant now) {
    move(attempt, State.FAILED, attempt.tradeId(), failure, now);
  }

  private void move(Attempt attempt, State to, @Nullable UUID tradeId, @Nullable String failure, Instant now) {
    int moved = jdbc.sql("""
            update auction_settlements set state = :to, trade_id = :trade, failure = :failure, updated_at = :now
            where auction_id = :auction and attempt = :number and state = :from
            """)
        .param("to", to.name()).param("trade", tradeId).param("failure", failure).param("now", Timestamp.from(now))
        .param("auction", attempt.auction()).param("number", attempt.number()).param("from", attempt.state().name())
        .update();
    if (moved != 1) {
      throw new IllegalStateException("settlement attempt " + attempt.number() + " of auction " + attempt.auction() + " is no longer " + attempt.state());
    }
  }
}
