package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nfttraders.market.internal.ListingQueries.Cursor;
import io.nfttraders.market.internal.ListingQueries.Sort;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ListingCursorsTest {

  private static final String HASH = "0x" + "0123456789abcdef".repeat(4);

  @Test
  void aPriceCursorCarriesThePriceAndHashExactlyInFiftyFiveCharacters() {
    BigInteger price = new BigInteger("1250000000000000000");
    String cursor = ListingCursors.ofPrice(price, HASH);

    assertThat(cursor).hasSize(55).matches("[A-Za-z0-9_-]+");
    assertThat(ListingCursors.decode(Sort.PRICE_ASC, cursor)).isEqualTo(new Cursor(price, null, HASH));
    assertThat(ListingCursors.decode(Sort.PRICE_DESC, cursor)).isEqualTo(new Cursor(price, null, HASH));
  }

  @Test
  void pricesFromZeroToTheLargestUint256RoundTrip() {
    for (BigInteger price : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, BigInteger.valueOf(255), BigInteger.TWO.pow(255),
        BigInteger.TWO.pow(256).subtract(BigInteger.ONE)}) {
      assertThat(ListingCursors.decode(Sort.PRICE_ASC, ListingCursors.ofPrice(price, HASH)).price()).isEqualTo(price);
    }
  }

  @Test
  void aCreationTimeCursorKeepsMicrosecondsAndTimesBeforeTheEpoch() {
    for (Instant created : new Instant[] {Instant.parse("2026-11-22T02:09:00.123456Z"), Instant.parse("1969-12-31T23:59:59.999999Z")}) {
      assertThat(ListingCursors.decode(Sort.RECENT, ListingCursors.ofCreated(created, HASH))).isEqualTo(new Cursor(null, created, HASH));
    }
  }

  @Test
  void aCursorIsOnlyGoodForTheSortItWasHandedOutWith() {
    String byPrice = ListingCursors.ofPrice(BigInteger.TEN, HASH);
    String byTime = ListingCursors.ofCreated(Instant.parse("2026-11-22T02:09:00Z"), HASH);

    assertThatThrownBy(() -> ListingCursors.decode(Sort.RECENT, byPrice)).hasMessageContaining("another sort order");
    assertThatThrownBy(() -> ListingCursors.decode(Sort.PRICE_ASC, byTime)).hasMessageContaining("another sort order");
  }

  @Test
  void anythingElseIsRefusedAsNotHandedOut() {
    String good = ListingCursors.ofPrice(BigInteger.TEN, HASH);
    byte[] negative = Base64.getUrlDecoder().decode(good);
    negative[1] = (byte) 0xff;
    byte[] unknownKind = Base64.getUrlDecoder().decode(good);
    unknownKind[0] = 9;

    for (String bad : new String[] {"", "not-a-cursor!", good.substring(0, 40), encode(negative), encode(unknownKind),
        Base64.getUrlEncoder().encodeToString(("10|" + HASH).getBytes())}) {
      assertThatThrownBy(() -> ListingCursors.decode(Sort.PRICE_ASC, bad)).as(bad).hasMessageContaining("not one this API handed out");
    }
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
