package io.nfttraders.auctions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.auctions.internal.BidRules.Accepted;
import io.nfttraders.auctions.internal.BidRules.Bid;
import io.nfttraders.auctions.internal.BidRules.Decision;
import io.nfttraders.auctions.internal.BidRules.Rejected;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BidRulesTest {

  private static final String SELLER = "0x00000000000000000000000000000000000005e1";
  private static final String ALICE = "0x0000000000000000000000000000000000a11ce0";
  private static final String BOB = "0x0000000000000000000000000000000000000b0b";
  private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
  private static final BigInteger ETH = BigInteger.TEN.pow(18);

  private static final AuctionTerms FOUNDATION = new AuctionTerms(AuctionType.RESERVE, eth("1"), null, null, T0, Duration.ofHours(24), 1000,
      Duration.ofMinutes(15));

  @Test
  void aReserveAuctionsClockStartsAtItsFirstBidAtOrAboveTheReserve() {
    AuctionState opened = AuctionState.opened(FOUNDATION);
    assertThat(opened.endsAt()).isNull();

    Rejected below = rejected(decide(FOUNDATION, opened, ALICE, eth("0.99"), T0.plusSeconds(60)));
    assertThat(below.reason()).isEqualTo(BidRejection.BELOW_RESERVE);
    assertThat(below.minimumBid()).isEqualTo(eth("1"));

    Accepted first = accepted(decide(FOUNDATION, opened, ALICE, eth("1"), T0.plus(Duration.ofDays(3))));
    assertThat(first.state().endsAt()).isEqualTo(T0.plus(Duration.ofDays(4)));
    assertThat(first.state().seq()).isEqualTo(1);
    assertThat(first.state().leader()).isEqualTo(ALICE);
    assertThat(first.outbid()).isNull();
  }

  @Test
  void aLaterBidMustBeatTheLeaderByTheIncrementAndOutbidsThem() {
    AuctionState led = accepted(decide(FOUNDATION, AuctionState.opened(FOUNDATION), ALICE, eth("1"), T0)).state();

    Rejected tooLittle = rejected(decide(FOUNDATION, led, BOB, eth("1.099999999999999999"), T0.plusSeconds(1)));
    assertThat(tooLittle.reason()).isEqualTo(BidRejection.BELOW_MINIMUM_INCREMENT);
    assertThat(tooLittle.minimumBid()).isEqualTo(eth("1.1"));

    Accepted enough = accepted(decide(FOUNDATION, led, BOB, eth("1.1"), T0.plusSeconds(1)));
    assertThat(enough.outbid()).isEqualTo(ALICE);
    assertThat(enough.outbidAmount()).isEqualTo(eth("1"));
    assertThat(enough.state().leadingBid()).isEqualTo(eth("1.1"));
    assertThat(enough.state().seq()).isEqualTo(2);
    assertThat(enough.extended()).isFalse();
  }

  @Test
  void theIncrementIsAtLeastOneWei() {
    AuctionTerms noIncrement = new AuctionTerms(AuctionType.RESERVE, BigInteger.ONE, null, null, T0, Duration.ofHours(1), 0, Duration.ZERO);
    AuctionState led = accepted(decide(noIncrement, AuctionState.opened(noIncrement), ALICE, BigInteger.TEN, T0)).state();

    assertThat(rejected(decide(noIncrement, led, BOB, BigInteger.TEN, T0)).minimumBid()).isEqualTo(BigInteger.valueOf(11));
    assertThat(accepted(decide(noIncrement, led, BOB, BigInteger.valueOf(11), T0)).state().leader()).isEqualTo(BOB);
  }

  @Test
  void aBidInTheLastFifteenMinutesMovesTheEndToFifteenMinutesAfterIt() {
    AuctionState led = accepted(decide(FOUNDATION, AuctionState.opened(FOUNDATION), ALICE, eth("1"), T0)).state();
    Instant end = T0.plus(Duration.ofHours(24));

    Accepted early = accepted(decide(FOUNDATION, led, BOB, eth("2"), end.minus(Duration.ofMinutes(15))));
    assertThat(early.extended()).as("exactly 15 minutes before the end").isFalse();
    assertThat(early.state().endsAt()).isEqualTo(end);

    Accepted late = accepted(decide(FOUNDATION, led, BOB, eth("2"), end.minusSeconds(1)));
    assertThat(late.extended()).isTrue();
    assertThat(late.state().endsAt()).isEqualTo(end.minusSeconds(1).plus(Duration.ofMinutes(15)));
  }

  @Test
  void noBidIsTakenAtOrAfterTheEnd() {
    AuctionState led = accepted(decide(FOUNDATION, AuctionState.opened(FOUNDATION), ALICE, eth("1"), T0)).state();

    assertThat(rejected(decide(FOUNDATION, led, BOB, eth("5"), led.endsAt())).reason()).isEqualTo(BidRejection.ENDED);
    assertThat(led.dueAt(led.endsAt())).isTrue();
    assertThat(led.biddingAt(led.endsAt().minusNanos(1))).isTrue();
  }

  @Test
  void theSellerAndTheLeaderCannotBidAndAPausedAuctionTakesNoBids() {
    AuctionState led = accepted(decide(FOUNDATION, AuctionState.opened(FOUNDATION), ALICE, eth("1"), T0)).state();

    assertThat(rejected(decide(FOUNDATION, led, SELLER, eth("5"), T0)).reason()).isEqualTo(BidRejection.SELLER_CANNOT_BID);
    assertThat(rejected(decide(FOUNDATION, led, ALICE, eth("5"), T0)).reason()).isEqualTo(BidRejection.ALREADY_LEADING);
    AuctionState paused = new AuctionState(led.seq(), led.phase(), led.endsAt(), led.leader(), led.leaderUser(), led.leadingBid(), led.bids(), true);
    assertThat(rejected(decide(FOUNDATION, paused, BOB, eth("5"), T0)).reason()).isEqualTo(BidRejection.PAUSED);
  }

  @Test
  void aBidBeyondTheBiddersAvailableFundsIsRefused() {
    Rejected poor = rejected(BidRules.decide(FOUNDATION, SELLER, AuctionState.opened(FOUNDATION), new Bid(BOB, null, eth("2"), T0, eth("1.5"))));
    assertThat(poor.reason()).isEqualTo(BidRejection.INSUFFICIENT_FUNDS);

    Decision covered = BidRules.decide(FOUNDATION, SELLER, AuctionState.opened(FOUNDATION), new Bid(BOB, null, eth("1.5"), T0, eth("1.5")));
    assertThat(covered).isInstanceOf(Accepted.class);
  }

  @Test
  void aTimedAuctionOpensAtItsStartAndABuyNowBidWinsAtOnce() {
    AuctionTerms timed = new AuctionTerms(AuctionType.ENGLISH, eth("1"), null, eth("10"), T0, Duration.ofHours(2), 500, Duration.ofMinutes(5));
    AuctionState opened = AuctionState.opened(timed);
    assertThat(opened.endsAt()).isEqualTo(T0.plus(Duration.ofHours(2)));

    assertThat(rejected(decide(timed, opened, ALICE, eth("1"), T0.minusSeconds(1))).reason()).isEqualTo(BidRejection.NOT_STARTED);
    AuctionState led = accepted(decide(timed, opened, ALICE, eth("1"), T0)).state();
    assertThat(led.endsAt()).as("a timed auction's end is fixed, not started by a bid").isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(rejected(decide(timed, led, BOB, eth("1.04"), T0)).minimumBid()).isEqualTo(eth("1.05"));

    Accepted buyNow = accepted(decide(timed, led, BOB, eth("10"), T0.plusSeconds(30)));
    assertThat(buyNow.won()).isTrue();
    assertThat(buyNow.state().phase()).isEqualTo(AuctionPhase.ENDED);
    assertThat(buyNow.state().endsAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void aDutchAuctionsPriceFallsLinearlyToItsFloorAndItsFirstBidAtThePriceWins() {
    AuctionTerms dutch = new AuctionTerms(AuctionType.DUTCH, eth("2"), eth("1"), null, T0, Duration.ofHours(1), 0, Duration.ZERO);
    assertThat(dutch.dutchPriceAt(T0.minusSeconds(10))).isEqualTo(eth("2"));
    assertThat(dutch.dutchPriceAt(T0.plus(Duration.ofMinutes(15)))).isEqualTo(eth("1.75"));
    assertThat(dutch.dutchPriceAt(T0.plus(Duration.ofHours(1)))).isEqualTo(eth("1"));
    // 1/3 of the way: 2 - 1/3 ETH, rounded up to the wei
    assertThat(dutch.dutchPriceAt(T0.plus(Duration.ofMinutes(20)))).isEqualTo(new BigInteger("1666666666666666667"));

    AuctionState opened = AuctionState.opened(dutch);
    Rejected early = rejected(decide(dutch, opened, ALICE, eth("1.7"), T0.plus(Duration.ofMinutes(15))));
    assertThat(early.reason()).isEqualTo(BidRejection.BELOW_PRICE);
    assertThat(early.minimumBid()).isEqualTo(eth("1.75"));

    Accepted bought = accepted(decide(dutch, opened, ALICE, eth("1.75"), T0.plus(Duration.ofMinutes(15))));
    assertThat(bought.won()).isTrue();
    assertThat(bought.state().phase()).isEqualTo(AuctionPhase.ENDED);
    assertThat(rejected(decide(dutch, bought.state(), BOB, eth("2"), T0.plus(Duration.ofMinutes(15)))).reason()).isEqualTo(BidRejection.ENDED);
  }

  private static Decision decide(AuctionTerms terms, AuctionState state, String bidder, BigInteger amount, Instant at) {
    return BidRules.decide(terms, SELLER, state, new Bid(bidder, null, amount, at, null));
  }

  private static Accepted accepted(Decision decision) {
    assertThat(decision).isInstanceOf(Accepted.class);
    return (Accepted) decision;
  }

  private static Rejected rejected(Decision decision) {
    assertThat(decision).isInstanceOf(Rejected.class);
    return (Rejected) decision;
  }

  private static BigInteger eth(String ether) {
    return new java.math.BigDecimal(ether).multiply(new java.math.BigDecimal(ETH)).toBigIntegerExact();
  }
}
