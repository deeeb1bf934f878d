package io.nfttraders.minting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What minted metadata may hold: it is immutable once minted, and every marketplace and browser reads it. */
class NftMetadataTest {

  private static NftMetadata parse(String json) {
    return NftMetadata.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String withValue(String value) {
    return "{\"name\":\"n\",\"attributes\":[{\"trait_type\":\"t\",\"value\":" + value + "}]}";
  }

  @Test
  void numbersAreExactDecimalsEveryReaderTakesAsTheSameValue() {
    assertThat(parse(withValue("9007199254740991")).attributes().getFirst().get("value")).isEqualTo(new BigDecimal("9007199254740991"));
    assertThat(parse(withValue("0.125")).attributes().getFirst().get("value")).isEqualTo(new BigDecimal("0.125"));
    for (String outside : new String[] {"9007199254740992", "-9007199254740992", "1e400", "-1e400", "1e-400", "0.1234567890123456",
        "115792089237316195423570985008687907853269984665640564039457584007913129639936"}) {
      assertThatThrownBy(() -> parse(withValue(outside))).as(outside).isInstanceOf(MintProblems.InvalidMetadata.class);
    }
  }

  @Test
  void textIsWellFormedUnicodeWithoutControlCharactersButTheDescriptionsLineBreaks() {
    assertThat(parse("{\"name\":\"n\",\"description\":\"one\\r\\ntwo\\tthree\"}").description()).isEqualTo("one\r\ntwo\tthree");
    for (String bad : new String[] {"{\"name\":\"lone \\ud800\"}", "{\"name\":\"nul \\u0000\"}", "{\"name\":\"line\\nbreak\"}",
        "{\"name\":\"n\",\"description\":\"bell \\u0007\"}", withValue("\"\\udc00\""), "{\"name\":\"rtl \\u202e\"}"}) {
      assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(MintProblems.InvalidMetadata.class);
    }
  }

  @Test
  void theBytesAreStrictUtf8AndNoKeyComesTwice() {
    // C0 AF: an overlong encoding of "/", which lenient decoders read as one
    byte[] overlong = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    assertThatThrownBy(() -> NftMetadata.parse(overlong)).isInstanceOf(MintProblems.InvalidMetadata.class).hasMessageContaining("UTF-8");
    assertThatThrownBy(() -> parse("{\"name\":\"a\",\"name\":\"b\"}")).isInstanceOf(MintProblems.InvalidMetadata.class);
    assertThatThrownBy(() -> NftMetadata.parseArray("[{\"name\":\"a\",\"name\":\"b\"}]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MintProblems.InvalidMetadata.class);
  }
}
