package io.nfttraders.ethereum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AddressTest {

  // the EIP-55 specification's own examples
  static final String CHECKSUMMED = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
  static final String LOWER = CHECKSUMMED.toLowerCase();

  @Test
  void keepsLowerCaseAndShowsTheChecksummedForm() {
    Address address = Address.parse(CHECKSUMMED);
    assertThat(address.hex()).isEqualTo(LOWER);
    assertThat(address.checksummed()).isEqualTo(CHECKSUMMED);
    assertThat(address.toString()).isEqualTo(CHECKSUMMED);
    assertThat(address).isEqualTo(Address.of(LOWER)).isEqualTo(Address.parse(LOWER.toUpperCase().replace("0X", "0x")));
  }

  @Test
  void refusesAMixedCaseAddressWithAWrongChecksum() {
    String typo = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD";
    assertThatThrownBy(() -> Address.parse(typo))
        .isInstanceOf(InvalidAddress.class)
        .extracting(e -> ((InvalidAddress) e).reason()).asString().contains("EIP-55");
    // from the chain or our tables the case is not a checksum
    assertThat(Address.of(typo).checksummed()).isEqualTo(CHECKSUMMED);
  }

  @Test
  void refusesWhatIsNotAnAddress() {
    String[] garbage = {"", "0x", "5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "0X5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
      LOWER + "0", LOWER.substring(0, 41), "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", "0x５aaeb6053f3e94c9b9a09f33669435e7ef1beae"};
    for (String text : garbage) {
      assertThatThrownBy(() -> Address.parse(text)).as(text).isInstanceOf(InvalidAddress.class);
    }
    assertThatThrownBy(() -> Address.parse(null)).isInstanceOf(InvalidAddress.class);
  }

  @Test
  void readsTheAddressInAnAbiWordOrLogTopic() {
    assertThat(Address.fromWord("0x000000000000000000000000" + LOWER.substring(2))).isEqualTo(Address.of(LOWER));
    assertThatThrownBy(() -> Address.fromWord(LOWER)).isInstanceOf(InvalidAddress.class);
    assertThat(Address.ZERO.isZero()).isTrue();
  }

  @Test
  void isItsChecksummedStringInJson() {
    JsonMapper json = JsonMapper.builder().build();
    record Holder(Address owner) {}
    assertThat(json.writeValueAsString(new Holder(Address.of(LOWER)))).isEqualTo("{\"owner\":\"" + CHECKSUMMED + "\"}");
    assertThat(json.readValue("{\"owner\":\"" + LOWER + "\"}", Holder.class).owner()).isEqualTo(Address.of(LOWER));
  }
}
