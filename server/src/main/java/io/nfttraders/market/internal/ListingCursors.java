package io.nfttraders.market.internal;

import io.nfttraders.market.internal.ListingQueries.Cursor;
import io.nfttraders.market.internal.ListingQueries.Sort;
import io.nfttraders.platform.ClientTimes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The listings page's opaque keyset cursor: a kind byte, the sort key (the price's bytes, or the
 * creation time in epoch microseconds) and the listing hash's 32 bytes, in base64url: 55 characters
 * for a typical price. Every edge of a page carries one, so their length is a fair share of the
 * response (the text form they replaced took 114).
 */
final class ListingCursors {

  private static final byte PRICE = 1;
  private static final byte CREATED = 2;
  private static final int HASH_BYTES = 32;
  private static final HexFormat HEX = HexFormat.of();

  private ListingCursors() {}

  /** The cursor of the row with this price and hash, for both price sorts. */
  static String ofPrice(BigInteger price, String hash) {
    return encode(PRICE, price.toByteArray(), hash);
  }

  /** The cursor of the row created at this time (microsecond precision, as stored) with this hash. */
  static String ofCreated(Instant created, String hash) {
    long micros = Math.addExact(Math.multiplyExact(created.getEpochSecond(), 1_000_000L), created.getNano() / 1_000);
    return encode(CREATED, ByteBuffer.allocate(Long.BYTES).putLong(micros).array(), hash);
  }

  /** A time the database can compare with (a forged cursor's could be out of its range). */
  private static final Instant FIRST_YEAR = Instant.parse("0001-01-01T00:00:00Z");

  /** Where a page asked with this sort continues; a cursor is only good for the sort it was handed out with. */
  static Cursor decode(Sort sort, String cursor) {
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(cursor);
    } catch (IllegalArgumentException e) {
      throw notHandedOut();
    }
    int keyLength = bytes.length - 1 - HASH_BYTES;
    if (keyLength < 1 || keyLength > HASH_BYTES + 1 || bytes[0] != PRICE && bytes[0] != CREATED
        || bytes[0] == CREATED && keyLength != Long.BYTES) {
      throw notHandedOut();
    }
    if ((bytes[0] == CREATED) != (sort == Sort.RECENT)) {
      throw new MarketProblems.InvalidOrder("the cursor belongs to another sort order");
    }
    byte[] key = Arrays.copyOfRange(bytes, 1, 1 + keyLength);
    String hash = "0x" + HEX.formatHex(bytes, 1 + keyLength, bytes.length);
    if (bytes[0] == CREATED) {
      long micros = ByteBuffer.wrap(key).getLong();
      Instant created = Instant.EPOCH.plusSeconds(Math.floorDiv(micros, 1_000_000L)).plusNanos(Math.floorMod(micros, 1_000_000L) * 1_000L);
      if (created.isBefore(FIRST_YEAR) || created.isAfter(ClientTimes.LATEST)) {
        throw notHandedOut();
      }
      return new Cursor(null, created, hash);
    }
    BigInteger price = new BigInteger(key);
    if (price.signum() < 0) {
      throw notHandedOut();
    }
    return new Cursor(price, null, hash);
  }

  private static String encode(byte kind, byte[] key, String hash) {
    byte[] bytes = new byte[1 + key.length + HASH_BYTES];
    bytes[0] = kind;
    System.arraycopy(key, 0, bytes, 1, key.length);
    System.arraycopy(HEX.parseHex(hash, 2, hash.length()), 0, bytes, 1 + key.length, HASH_BYTES);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static MarketProblems.InvalidOrder notHandedOut() {
    return new MarketProblems.InvalidOrder("the cursor is not one this API handed out");
  }
}
