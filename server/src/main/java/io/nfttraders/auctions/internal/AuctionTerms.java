package io.nfttraders.auctions.internal;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What an auction's seller fixed when creating it; amounts in wei of WETH.
 *
 * @param startPrice RESERVE: the reserve; ENGLISH: the lowest first bid; DUTCH: the price at the start
 * @param floorPrice DUTCH only: the price at the end
 * @param buyNowPrice ENGLISH only, optional: a bid at or above it wins at once
 * @param startsAt ENGLISH and DUTCH: when bidding opens (RESERVE: at creation)
 * @param duration RESERVE: the clock the first qualifying bid starts; ENGLISH: start to end; DUTCH: start to floor
 * @param minIncrementBps how much a bid must beat the current one by, in basis points (at least 1 wei)
 * @param extensionWindow a bid this close to the end moves the end to this long after the bid (zero: never)
 */
record AuctionTerms(AuctionType type, BigInteger startPrice, @Nullable BigInteger floorPrice, @Nullable BigInteger buyNowPrice,
    Instant startsAt, Duration duration, int minIncrementBps, Duration extensionWindow) {

  AuctionTerms {
    if (startPrice.signum() <= 0) {
      throw new AuctionProblems.InvalidAuction("the starting price (reserve) must be positive");
    }
    if (duration.isNegative() || duration.isZero() || duration.compareTo(Duration.ofDays(90)) > 0) {
      throw new AuctionProblems.InvalidAuction("the duration must be positive and at most 90 days");
    }
    if (minIncrementBps < 0 || minIncrementBps > 100_000) {
      throw new AuctionProblems.InvalidAuction("the minimum increment must be 0 to 100000 basis points");
    }
    if (extensionWindow.isNegative() || extensionWindow.compareTo(Duration.ofDays(1)) > 0) {
      throw new AuctionProblems.InvalidAuction("the extension window must be 0 to 1 day");
    }
    if (type == AuctionType.DUTCH && (floorPrice == null || floorPrice.signum() <= 0 || floorPrice.compareTo(startPrice) >= 0)) {
      throw new AuctionProblems.InvalidAuction("a Dutch auction's floor price must be positive and below its start price");
    }
    if (type != AuctionType.DUTCH && floorPrice != null) {
      throw new AuctionProblems.InvalidAuction("only a Dutch auction has a floor price");
    }
    if (buyNowPrice != null && (type != AuctionType.ENGLISH || buyNowPrice.compareTo(startPrice) < 0)) {
      throw new AuctionProblems.InvalidAuction("only a timed English auction has a buy-now price, at or above its starting price");
    }
  }

  /** The end fixed at creation (ENGLISH, DUTCH); a reserve auction's end comes with its first bid. */
  @Nullable Instant fixedEnd() {
    return type == AuctionType.RESERVE ? null : startsAt.plus(duration);
  }

  /** The Dutch price at {@code at}: linear from the start price to the floor, rounded up to the wei. */
  BigInteger dutchPriceAt(Instant at) {
    if (floorPrice == null) {
      throw new IllegalStateException("not a Dutch auction");
    }
    long total = duration.toMillis();
    long elapsed = Math.clamp(Duration.between(startsAt, at).toMillis(), 0, total);
    BigInteger drop = startPrice.subtract(floorPrice).multiply(BigInteger.valueOf(elapsed));
    BigInteger[] quotient = drop.divideAndRemainder(BigInteger.valueOf(total));
    return startPrice.subtract(quotient[0]);
  }

  /** The least a bid may be to beat {@code current}: the increment, and always at least one wei more. */
  BigInteger minimumAbove(BigInteger current) {
    BigInteger increment = current.multiply(BigInteger.valueOf(minIncrementBps)).divide(BigInteger.valueOf(10_000));
    return current.add(increment.max(BigInteger.ONE));
  }
}
