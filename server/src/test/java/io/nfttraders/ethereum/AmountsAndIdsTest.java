package io.nfttraders.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AmountsAndIdsTest {

  static final BigInteger MAX_UINT256 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
  static final Address CONTRACT = Address.of("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");

  @Test
  void weiIsAUint256() {
    assertThat(Wei.of(MAX_UINT256).value()).isEqualTo(MAX_UINT256);
    assertThatThrownBy(() -> Wei.of(MAX_UINT256.add(BigInteger.ONE))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Wei.of(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Wei.of(5).minus(Wei.of(5)).isZero()).isTrue();
    assertThatThrownBy(() -> Wei.of(4).minus(Wei.of(5))).isInstanceOf(IllegalArgumentException.class);
    assertThat(Wei.of(2).plus(Wei.of(3))).isEqualTo(Wei.of(5)).isGreaterThan(Wei.of(4));
  }

  @Test
  void weiIsItsDecimalStringInJson() {
    // 2^53 + 1 is the first integer a JavaScript client would round
    Wei amount = Wei.of(BigInteger.TWO.pow(53).add(BigInteger.ONE));
    assertThat(JsonMapper.builder().build().writeValueAsString(amount)).isEqualTo("\"9007199254740993\"");
  }

  @Test
  void chainIdIsPositiveAndLeavesRoomForTheSignaturesV() {
    assertThat(ChainId.of(31337).value()).isEqualTo(31337);
    assertThatThrownBy(() -> ChainId.of(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChainId.of(-10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ChainId.of(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ChainId.MAX * 2 + 36).isLessThanOrEqualTo(Long.MAX_VALUE);
  }

  @Test
  void aTokenIdIsAUint256() {
    assertThat(new TokenRef(ChainId.of(1), CONTRACT, MAX_UINT256).tokenId()).isEqualTo(MAX_UINT256);
    assertThatThrownBy(() -> new TokenRef(ChainId.of(1), CONTRACT, MAX_UINT256.add(BigInteger.ONE))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenRef(ChainId.of(1), CONTRACT, BigInteger.valueOf(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThat(new TokenRef(ChainId.of(1), CONTRACT, BigInteger.TEN))
        .hasToString("1:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed:10");
  }
}
