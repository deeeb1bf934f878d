package io.nfttraders.platform;

import java.time.Instant;

/**
 * The instants a client may name: from 1970 (an order's times are unsigned seconds since then)
 * to the end of year 9999 (what ISO 8601 writes with four digits, and far inside what PostgreSQL
 * and {@link java.sql.Timestamp} hold). Every instant read from a request body is held to this
 * range; query parameters and cursors check it themselves.
 */
public final class ClientTimes {

  public static final Instant EARLIEST = Instant.EPOCH;
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private ClientTimes() {}

  public static boolean inRange(Instant instant) {
    return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
  }
}
