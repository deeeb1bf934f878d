package io.nfttraders.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.json.JsonMapper;

class CidTest {

  static final String EMPTY_RAW = "bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku";

  @Test
  void readsCodecAndDigestOfARawCid() throws Exception {
    Cid cid = Cid.parse(EMPTY_RAW);
    assertThat(cid.codec()).isEqualTo(Cid.Codec.RAW);
    assertThat(cid.sha256Digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(new byte[0]));
    assertThat(cid.toString()).isEqualTo(EMPTY_RAW);
    assertThat(cid.toIpfsUri()).isEqualTo("ipfs://" + EMPTY_RAW);
  }

  @Test
  void buildsTheCidOfADigest() throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest(new byte[0]);
    assertThat(Cid.of(Cid.Codec.RAW, digest)).isEqualTo(Cid.parse(EMPTY_RAW));
    Cid dagPb = Cid.of(Cid.Codec.DAG_PB, digest);
    assertThat(dagPb.value()).startsWith("bafybei");
    assertThat(dagPb.codec()).isEqualTo(Cid.Codec.DAG_PB);
    assertThat(HexFormat.of().formatHex(dagPb.toBytes())).isEqualTo("01701220" + HexFormat.of().formatHex(digest));
  }

  @Test
  void refusesWhatIsNotACidv1InBase32() {
    String[] garbage = {
      "", "hello", "../../etc/passwd",
      "QmUNLLsPACCz1vLxQVkXqqLX5R1X345qqfHbsf67hvA3Nn", // CIDv0
      EMPTY_RAW.toUpperCase(), // base32upper is another multibase
      "B" + EMPTY_RAW.substring(1),
      EMPTY_RAW.substring(0, 58) + "1", // not in the alphabet
      EMPTY_RAW.substring(0, 58) + "v", // non-zero trailing bits: a second spelling of the same bytes
      EMPTY_RAW + "a",
      "bafyreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku", // dag-cbor
      "zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA", // base58btc
    };
    for (String text : garbage) {
      assertThatThrownBy(() -> Cid.parse(text)).as(text)
          .isInstanceOf(InvalidCid.class)
          .satisfies(e -> assertThat(((InvalidCid) e).status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
  }

  @Test
  void isAStringInJson() {
    JsonMapper json = JsonMapper.builder().build();
    Cid cid = Cid.parse(EMPTY_RAW);
    assertThat(json.writeValueAsString(cid)).isEqualTo("\"" + EMPTY_RAW + "\"");
    assertThat(json.readValue("\"" + EMPTY_RAW + "\"", Cid.class)).isEqualTo(cid);
    assertThat(json.writeValueAsString(new StoredFile(cid, 0, "image/png")))
        .isEqualTo("{\"cid\":\"" + EMPTY_RAW + "\",\"size\":0,\"mediaType\":\"image/png\"}");
  }
}
