package io.nfttraders.indexer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nfttraders.chain.ChainLog;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transfer logs come from any contract of the chain: well-formed ones decode, malformed ones decode to nothing rather than stop the indexer. */
class TransferDecoderTest {

  private static final String CONTRACT = "0x00000000000000000000000000000000000c0de1";
  private static final String FROM = "0x00000000000000000000000000000000000000a1";
  private static final String TO = "0x00000000000000000000000000000000000000b2";
  private static final String OPERATOR = "0x00000000000000000000000000000000000000c3";

  @Test
  void anErc1155BatchDecodesToOneTransferPerIdWithItsAmount() {
    List<Transfer> transfers = TransferDecoder.decode(batch(words(64, 160, 2, 7, 8, 2, 30, 40)), TokenStandard.ERC1155);
    assertThat(transfers).extracting(Transfer::tokenId, Transfer::amount, Transfer::from, Transfer::to, Transfer::subIndex).containsExactly(
        tuple(BigInteger.valueOf(7), BigInteger.valueOf(30), FROM, TO, 0),
        tuple(BigInteger.valueOf(8), BigInteger.valueOf(40), FROM, TO, 1));
  }

  @Test
  void aBatchThatCannotBeDecodesToNothing() {
    assertThat(TransferDecoder.decode(batch(words(64, 160, 2, 7, 8, 1, 30)), TokenStandard.ERC1155)).as("ids and amounts of other lengths").isEmpty();
    assertThat(TransferDecoder.decode(batch(words(64, 4096, 1, 7, 1, 30)), TokenStandard.ERC1155)).as("an offset past the data").isEmpty();
    assertThat(TransferDecoder.decode(batch(words(64, 128, 1_000_000, 7)), TokenStandard.ERC1155)).as("a length the data cannot hold").isEmpty();
    assertThat(TransferDecoder.decode(batch(words(65, 160, 1, 7, 1, 30)), TokenStandard.ERC1155)).as("an offset off the word grid").isEmpty();
    assertThat(TransferDecoder.decode(batch("0x1234"), TokenStandard.ERC1155)).as("data too short").isEmpty();
  }

  @Test
  void aConsecutiveRangeDecodesUpToTheCapAndARangeThatCannotBeToNothing() {
    assertThat(TransferDecoder.decode(consecutive(1, 3), TokenStandard.ERC721)).extracting(Transfer::tokenId)
        .containsExactly(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
    assertThat(TransferDecoder.decode(consecutive(1, TransferDecoder.MAX_TOKENS_PER_LOG), TokenStandard.ERC721)).hasSize(TransferDecoder.MAX_TOKENS_PER_LOG);
    assertThat(TransferDecoder.decode(consecutive(1, TransferDecoder.MAX_TOKENS_PER_LOG + 1), TokenStandard.ERC721)).as("too many").isEmpty();
    assertThat(TransferDecoder.decode(consecutive(5, 4), TokenStandard.ERC721)).as("ends before it starts").isEmpty();
  }

  @Test
  void aLogDecodesOnlyAsItsContractsStandardAndAnErc20TransferNeverDoes() {
    ChainLog erc721 = log(TransferDecoder.TRANSFER, topic(FROM), topic(TO), word(9), "0x");
    assertThat(TransferDecoder.decode(erc721, TokenStandard.ERC721)).extracting(Transfer::tokenId).containsExactly(BigInteger.valueOf(9));
    assertThat(TransferDecoder.decode(erc721, TokenStandard.ERC1155)).isEmpty();
    ChainLog erc20 = new ChainLog(Address.of(CONTRACT), List.of(TransferDecoder.TRANSFER, topic(FROM), topic(TO)), word(9), 1, "0xb", 0, "0xt");
    assertThat(TransferDecoder.isCandidate(erc20)).isFalse();
    assertThat(TransferDecoder.decode(erc20, TokenStandard.ERC721)).isEmpty();
  }

  private static ChainLog batch(String data) {
    return log(TransferDecoder.TRANSFER_BATCH, topic(OPERATOR), topic(FROM), topic(TO), data);
  }

  private static ChainLog consecutive(long first, long last) {
    return log(TransferDecoder.CONSECUTIVE_TRANSFER, word(first), topic(FROM), topic(TO), word(last));
  }

  private static ChainLog log(String topic0, String topic1, String topic2, String topic3, String data) {
    return new ChainLog(Address.of(CONTRACT), List.of(topic0, topic1, topic2, topic3), data, 1, "0xb", 0, "0xt");
  }

  private static String topic(String address) {
    return "0x" + "0".repeat(24) + address.substring(2);
  }

  private static String word(long value) {
    return "0x" + String.format("%064x", value);
  }

  private static String words(long... values) {
    StringBuilder data = new StringBuilder("0x");
    for (long value : values) {
      data.append(String.format("%064x", value));
    }
    return data.toString();
  }
}
