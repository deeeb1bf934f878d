package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns stored auction events into users' notifications, in the log writer's transaction (so a
 * notification exists exactly when its event does): OUTBID for the bidder who lost the lead, WON
 * and SOLD when an auction ends with a winner, SETTLED for both sides, UNSOLD for the seller. A
 * notification for a user with webhooks gets a pending delivery for each, in the same statement;
 * once the transaction commits, the notifications are pushed to their users' subscriptions
 * ({@link NotificationFeed}) and the webhook worker is woken.
 */
@Component
class AuctionNotifications implements AuctionLog.Projection {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** @param user null: the auction's seller */
  private record Row(@Nullable UUID user, String kind, AuctionEvent event, Map<String, Object> body) {}

  private final JdbcTemplate jdbc;
  private final WebhookDelivery delivery;
  private final NotificationFeed feed;

  AuctionNotifications(JdbcTemplate jdbc, WebhookDelivery delivery, NotificationFeed feed) {
    this.jdbc = jdbc;
    this.delivery = delivery;
    this.feed = feed;
  }

  @Override
  public void stored(List<AuctionEvent> events) {
    List<Row> rows = new ArrayList<>();
    for (AuctionEvent e : events) {
      switch (e.kind()) {
        case BID -> {
          if (e.outbidUser() != null) {
            rows.add(new Row(e.outbidUser(), "OUTBID", e, body(e, "yourBidWei", e.outbidAmount(), "outbidBy", Checksums.of(e.bidder()))));
          }
          if (e.state().phase() == AuctionPhase.ENDED) {
            won(rows, e);
          }
        }
        case ENDED -> won(rows, e);
        case SETTLED -> {
          rows.add(new Row(e.bidderUser(), "SETTLED", e, body(e, "tradeId", e.detail(), "role", "BUYER")));
          rows.add(new Row(null, "SETTLED", e, body(e, "tradeId", e.detail(), "role", "SELLER")));
        }
        case UNSOLD -> rows.add(new Row(null, "UNSOLD", e, body(e, "reason", e.detail(), null, null)));
        default -> { }
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    long[] deliveries = {0};
    List<NotificationFeed.Notification> inserted = jdbc.query("""
        with x as (
          select * from unnest(?::uuid[], ?::text[], ?::uuid[], ?::bigint[], ?::text[], ?::timestamptz[]) as x(user_id, kind, auction_id, seq, body, at)),
        inserted as (
          insert into notifications (user_id, kind, auction_id, seq, body, created_at)
          select coalesce(x.user_id, a.seller_user_id), x.kind, x.auction_id, x.seq, x.body::jsonb, x.at from x join auctions a on a.id = x.auction_id
          on conflict do nothing
          returning id, user_id, kind, auction_id, seq, body, created_at),
        deliveries as (
          insert into webhook_deliveries (webhook_id, notification_id, next_attempt_at)
          select w.id, i.id, i.created_at from inserted i join webhooks w on w.user_id = i.user_id and w.deleted_at is null
          returning id)
        select i.id, i.user_id, i.kind, i.auction_id, i.seq, i.body::text, i.created_at, (select count(*) from deliveries) as deliveries
        from inserted i order by i.id
        """, ps -> {
          Connection c = ps.getConnection();
          ps.setArray(1, c.createArrayOf("uuid", rows.stream().map(Row::user).toArray()));
          ps.setArray(2, c.createArrayOf("text", rows.stream().map(Row::kind).toArray()));
          ps.setArray(3, c.createArrayOf("uuid", rows.stream().map(r -> r.event().auctionId()).toArray()));
          ps.setArray(4, c.createArrayOf("bigint", rows.stream().map(r -> r.event().seq()).toArray()));
          ps.setArray(5, c.createArrayOf("text", rows.stream().map(r -> JSON.writeValueAsString(r.body())).toArray()));
          ps.setArray(6, c.createArrayOf("timestamptz", rows.stream().map(r -> Timestamp.from(r.event().at())).toArray()));
        }, (rs, n) -> {
          deliveries[0] += rs.getLong(8);
          return new NotificationFeed.Notification(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getObject(4, UUID.class),
              rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant());
        });
    // pushed to subscribers and webhooks once committed, never before
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        feed.publish(inserted);
        if (deliveries[0] > 0) {
          delivery.wake();
        }
      }
    });
  }

  private static void won(List<Row> rows, AuctionEvent e) {
    rows.add(new Row(e.state().leaderUser(), "WON", e, body(e, null, null, null, null)));
    rows.add(new Row(null, "SOLD", e, body(e, "buyer", Checksums.of(e.state().leader()), null, null)));
  }

  private static Map<String, Object> body(AuctionEvent e, @Nullable String key, @Nullable Object value, @Nullable String key2,
      @Nullable Object value2) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("auctionId", e.auctionId().toString());
    body.put("seq", e.seq());
    BigInteger leading = e.state().leadingBid();
    if (leading != null) {
      body.put("leadingBidWei", leading.toString());
    }
    if (key != null && value != null) {
      body.put(key, value instanceof BigInteger b ? b.toString() : value);
    }
    if (key2 != null && value2 != null) {
      body.put(key2, value2);
    }
    return body;
  }
}
