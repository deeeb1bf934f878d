package io.nfttraders.market.internal;

import io.nfttraders.ethereum.TokenRef;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The orders table: what makers signed and where each order stands. */
@Component
class OrderBook {

  private final JdbcClient jdbc;

  OrderBook(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(OrderRow row, String traitsJson, Instant now) {
    ExchangeOrder o = row.order();
    jdbc.sql("""
            insert into orders (hash, chain_id, exchange, side, maker, maker_user_id, collection, standard, token_id, amount, currency, price_wei,
              start_time, end_time, salt, counter, signature, state, invalid_reason, name, traits, created_at, updated_at)
            values (:hash, :chain, :exchange, :side, :maker, :user, :collection, :standard, :token, :amount, :currency, :price, :start, :end, :salt,
              :counter, :signature, 'OPEN', 'UNCHECKED', :name, :traits::jsonb, :now, :now)
            """)
        .param("hash", row.hash())
        .param("chain", row.chainId())
        .param("exchange", row.exchange())
        .param("side", o.side().name())
        .param("standard", o.standard().name())
        .param("amount", o.amount())
        .param("maker", o.maker())
        .param("user", row.makerUserId())
        .param("collection", o.collection())
        .param("token", o.tokenId())
        .param("currency", o.currency())
        .param("price", o.price())
        .param("start", Timestamp.from(Instant.ofEpochSecond(o.startTime())))
        .param("end", o.endTime() == 0 ? null : Timestamp.from(Instant.ofEpochSecond(o.endTime())))
        .param("salt", o.salt())
        .param("counter", o.counter())
        .param("signature", row.signature())
        .param("name", row.name())
        .param("traits", traitsJson)
        .param("now", Timestamp.from(now))
        .update();
  }

  Optional<OrderRow> find(String hash) {
    return jdbc.sql("select " + OrderRow.COLUMNS + " from orders where hash = :hash").param("hash", hash).query(OrderRow::read).optional();
  }

  /**
   * Takes the order for one taker: only an open, valid, live order of the given side moves to
   * RESERVED. Concurrent callers queue on the row lock and all but the first find it RESERVED.
   */
  Optional<OrderRow> reserve(String hash, Side side, Instant now) {
    return jdbc.sql("""
            update orders set state = 'RESERVED', updated_at = :now
            where hash = :hash and side = :side and state = 'OPEN' and invalid_reason is null
              and start_time <= :now and (end_time is null or end_time > :now)
            returning """ + " " + OrderRow.COLUMNS)
        .param("hash", hash)
        .param("side", side.name())
        .param("now", Timestamp.from(now))
        .query(OrderRow::read)
        .optional();
  }

  /** Ends reservations whose trade failed; orders the chain already closed stay closed. */
  void release(List<String> hashes, Instant now) {
    jdbc.sql("update orders set state = 'OPEN', updated_at = :now where hash = any(:hashes::text[]) and state = 'RESERVED'")
        .param("hashes", hashes.toArray(String[]::new))
        .param("now", Timestamp.from(now))
        .update();
  }

  /** Off-chain cancellation: the book stops offering the order (its signature is never handed out). */
  boolean cancel(String hash, Instant now) {
    return jdbc.sql("update orders set state = 'CANCELLED', updated_at = :now where hash = :hash and state = 'OPEN'")
        .param("hash", hash)
        .param("now", Timestamp.from(now))
        .update() == 1;
  }

  /** Cancels a maker's open orders, optionally only those for one token and side; returns them. */
  List<OrderRow> cancelOpen(String maker, @Nullable TokenRef token, @Nullable Side side, Instant now) {
    return jdbc.sql("""
            update orders set state = 'CANCELLED', updated_at = :now
            where maker = :maker and state = 'OPEN'
              and (cast(:collection as text) is null or (collection = :collection and token_id = :token and side = :side))
            returning """ + " " + OrderRow.COLUMNS)
        .param("maker", maker)
        .param("collection", token == null ? null : token.contract().hex())
        .param("token", token == null ? null : token.tokenId())
        .param("side", side == null ? null : side.name())
        .param("now", Timestamp.from(now))
        .query(OrderRow::read)
        .list();
  }

  List<OrderRow> madeBy(UUID user, int limit) {
    return jdbc.sql("select " + OrderRow.COLUMNS + " from orders where maker_user_id = :user order by created_at desc limit :limit")
        .param("user", user)
        .param("limit", limit)
        .query(OrderRow::read)
        .list();
  }
}
