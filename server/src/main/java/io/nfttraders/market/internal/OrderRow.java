package io.nfttraders.market.internal;

import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as the book stores it. */
record OrderRow(
    String hash,
    long chainId,
    String exchange,
    ExchangeOrder order,
    @Nullable UUID makerUserId,
    String signature,
    String state,
    @Nullable String invalidReason,
    @Nullable String name,
    Instant createdAt) {

  static final String COLUMNS = """
      hash, chain_id, exchange, side, maker, maker_user_id, collection, standard, token_id, amount, currency, price_wei, start_time, end_time, salt,
      counter, signature, state, invalid_reason, name, created_at""";

  static OrderRow read(ResultSet rs, int row) throws SQLException {
    Instant end = rs.getTimestamp("end_time") == null ? null : rs.getTimestamp("end_time").toInstant();
    ExchangeOrder order = new ExchangeOrder(rs.getString("maker"), Side.valueOf(rs.getString("side")), rs.getString("collection"),
        TokenStandard.valueOf(rs.getString("standard")), big(rs, "token_id"), big(rs, "amount"), rs.getString("currency"), big(rs, "price_wei"),
        rs.getTimestamp("start_time").toInstant().getEpochSecond(),
        end == null ? 0 : end.getEpochSecond(), big(rs, "salt"), big(rs, "counter"));
    return new OrderRow(rs.getString("hash"), rs.getLong("chain_id"), rs.getString("exchange"), order, rs.getObject("maker_user_id", UUID.class),
        rs.getString("signature"), rs.getString("state"), rs.getString("invalid_reason"), rs.getString("name"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static BigInteger big(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column).toBigIntegerExact();
  }

  /** Why it cannot be taken at {@code now}, or null if it can. */
  @Nullable String unavailableReason(Instant now) {
    if (!state.equals("OPEN")) {
      return state.equals("RESERVED") ? "BEING_FILLED" : state;
    }
    if (invalidReason != null) {
      return invalidReason;
    }
    if (now.getEpochSecond() < order.startTime()) {
      return "NOT_STARTED";
    }
    if (order.endTime() != 0 && now.getEpochSecond() >= order.endTime()) {
      return "EXPIRED";
    }
    return null;
  }
}
