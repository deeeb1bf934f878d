package io.nfttraders.market.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/** The exchange's calldata as Solidity's ABI lays it out: the contract tests prove the fills themselves on-chain. */
class ExchangeCallsTest {

  static final String ORDER = "(address,uint8,address,uint8,uint256,uint256,address,uint256,uint256,uint256,uint256,uint256)";
  static final ExchangeOrder ORDER_ONE = new ExchangeOrder("0x00000000000000000000000000000000000000a1", Side.SELL,
      "0x00000000000000000000000000000000000000c0", TokenStandard.ERC721, BigInteger.valueOf(7), BigInteger.ONE, ExchangeOrder.ETH, BigInteger.TEN.pow(18), 100, 200,
      BigInteger.valueOf(42), BigInteger.ZERO);

  @Test
  void fillListingPassesTheOrderInlineThenTheSignatureBehindItsOffset() {
    byte[] signature = new byte[65];
    Arrays.fill(signature, (byte) 0x5a);
    byte[] call = ExchangeCalls.fillListing(ORDER_ONE, signature, Address.of("0x00000000000000000000000000000000000000b2"));
    assertThat(selector(call)).isEqualTo(selector("fillListing(" + ORDER + ",bytes,address)"));
    assertThat(word(call, 0, 12)).isEqualTo(ORDER_ONE.encoded());
    assertThat(new BigInteger(1, word(call, 12, 13))).isEqualTo(BigInteger.valueOf(14 * 32)); // the signature's offset
    assertThat(HexFormat.of().formatHex(word(call, 13, 14))).endsWith("b2");
    assertThat(new BigInteger(1, word(call, 14, 15))).isEqualTo(BigInteger.valueOf(65));
    assertThat(call).hasSize(4 + 32 * (14 + 1 + 3)); // the head, the length, 65 bytes padded to three words
  }

  @Test
  void cancelPassesADynamicArrayOfOrders() {
    byte[] call = ExchangeCalls.cancel(List.of(ORDER_ONE, ORDER_ONE));
    assertThat(selector(call)).isEqualTo(selector("cancel(" + ORDER + "[])"));
    assertThat(new BigInteger(1, word(call, 0, 1))).isEqualTo(BigInteger.valueOf(32));
    assertThat(new BigInteger(1, word(call, 1, 2))).isEqualTo(BigInteger.TWO);
    assertThat(word(call, 2, 14)).isEqualTo(ORDER_ONE.encoded());
    assertThat(word(call, 14, 26)).isEqualTo(ORDER_ONE.encoded());
  }

  @Test
  void acceptOfferAndSetFeesNameTheirSolidityFunctions() {
    assertThat(selector(ExchangeCalls.acceptOffer(ORDER_ONE, new byte[65]))).isEqualTo(selector("acceptOffer(" + ORDER + ",bytes)"));
    assertThat(selector(ExchangeCalls.setFees(Address.ZERO, 250, 1000))).isEqualTo(selector("setFees(address,uint16,uint16)"));
    assertThat(ExchangeCalls.incrementCounter()).isEqualTo(selector("incrementCounter()"));
  }

  private static byte[] selector(byte[] call) {
    return Arrays.copyOf(call, 4);
  }

  private static byte[] selector(String signature) {
    return Arrays.copyOf(Hash.sha3(signature.getBytes()), 4);
  }

  private static byte[] word(byte[] call, int from, int to) {
    return Arrays.copyOfRange(call, 4 + 32 * from, 4 + 32 * to);
  }
}
