package io.nfttraders.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EtherDecimalsTest {

  @Test
  void decimalsOfEtherWithAtMostEighteenFractionDigitsAreExactWei() {
    assertThat(EtherDecimals.toWei("1.5")).contains(new BigInteger("1500000000000000000"));
    assertThat(EtherDecimals.toWei(" 0.000000000000000001 ")).contains(BigInteger.ONE);
    assertThat(EtherDecimals.toWei("1.0000000000000000000000")).as("trailing zeros beyond wei").contains(new BigInteger("1000000000000000000"));
    assertThat(EtherDecimals.toWei("2E+3")).contains(new BigInteger("2000000000000000000000"));
    assertThat(EtherDecimals.toWei("0")).contains(BigInteger.ZERO);
  }

  @Test
  void fractionsOfAWeiAndTextThatIsNoDecimalAreRefused() {
    assertThat(EtherDecimals.toWei("0.0000000000000000001")).isEmpty();
    assertThat(EtherDecimals.toWei("1.5 ETH")).isEmpty();
    assertThat(EtherDecimals.toWei("")).isEmpty();
  }

  @Test
  void hugeExponentsAreRefusedWithoutComputingTheNumber() {
    // scaled first, either would take the CPU for minutes and gigabytes of memory
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      assertThat(EtherDecimals.toWei("1e300000000")).isEmpty();
      assertThat(EtherDecimals.toWei("1e-300000000")).isEmpty();
      assertThat(EtherDecimals.toWei("1" + "0".repeat(41))).isEmpty();
    });
  }
}
