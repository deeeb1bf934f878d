package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainLog;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Transfer logs to {@link Transfer}s: ERC-721 {@code Transfer} and EIP-2309 {@code ConsecutiveTransfer},
 * ERC-1155 {@code TransferSingle} and {@code TransferBatch}. Logs come from any contract of the chain,
 * so a malformed one (a range or batch that cannot be, data too short) decodes to nothing rather than
 * stopping the indexer.
 */
final class TransferDecoder {

  static final String TRANSFER = Hash.sha3String("Transfer(address,address,uint256)");
  static final String CONSECUTIVE_TRANSFER = Hash.sha3String("ConsecutiveTransfer(uint256,uint256,address,address)");
  static final String TRANSFER_SINGLE = Hash.sha3String("TransferSingle(address,address,address,uint256,uint256)");
  static final String TRANSFER_BATCH = Hash.sha3String("TransferBatch(address,address,address,uint256[],uint256[])");
  static final List<String> EVENTS = List.of(TRANSFER, CONSECUTIVE_TRANSFER, TRANSFER_SINGLE, TRANSFER_BATCH);
  /** ERC-20 shares Transfer's topic 0 with three topics; every NFT transfer event has four. */
  private static final int NFT_TRANSFER_TOPICS = 4;
  /** The most tokens one log may move: OpenZeppelin caps an ERC-2309 range at 5,000. */
  static final int MAX_TOKENS_PER_LOG = 10_000;
  private static final int WORD = 64;

  private TransferDecoder() {}

  /** Whether the log has the shape of an NFT transfer, so that its contract is worth asking what it is. */
  static boolean isCandidate(ChainLog log) {
    if (log.topics().size() != NFT_TRANSFER_TOPICS) {
      return false;
    }
    String topic0 = log.topics().getFirst();
    return topic0.equalsIgnoreCase(TRANSFER) || topic0.equalsIgnoreCase(TRANSFER_SINGLE) || topic0.equalsIgnoreCase(TRANSFER_BATCH)
        || topic0.equalsIgnoreCase(CONSECUTIVE_TRANSFER);
  }

  /** The name of the transfer event a candidate log is (see {@link #isCandidate}). */
  static String eventName(ChainLog log) {
    String topic0 = log.topics().getFirst();
    return topic0.equalsIgnoreCase(TRANSFER) ? "Transfer" : topic0.equalsIgnoreCase(CONSECUTIVE_TRANSFER) ? "ConsecutiveTransfer"
        : topic0.equalsIgnoreCase(TRANSFER_SINGLE) ? "TransferSingle" : "TransferBatch";
  }

  /** The transfers of a log from a contract of this standard (another standard's events decode to nothing). */
  static List<Transfer> decode(ChainLog log, TokenStandard standard) {
    if (!isCandidate(log)) {
      return List.of();
    }
    String topic0 = log.topics().getFirst();
    String data = Numeric.cleanHexPrefix(log.data());
    return switch (standard) {
      case ERC721 -> topic0.equalsIgnoreCase(TRANSFER) ? List.of(transfer(standard, log, uint(log.topics().get(3)), BigInteger.ONE, 1, 2, 0))
          : topic0.equalsIgnoreCase(CONSECUTIVE_TRANSFER) ? consecutive(log, data) : List.of();
      case ERC1155 -> topic0.equalsIgnoreCase(TRANSFER_SINGLE) ? single(log, data) : topic0.equalsIgnoreCase(TRANSFER_BATCH) ? batch(log, data) : List.of();
    };
  }

  private static List<Transfer> consecutive(ChainLog log, String data) {
    if (data.length() != WORD) {
      return List.of();
    }
    BigInteger first = uint(log.topics().get(1));
    BigInteger count = uint(data).subtract(first).add(BigInteger.ONE);
    if (count.signum() <= 0 || count.compareTo(BigInteger.valueOf(MAX_TOKENS_PER_LOG)) > 0) {
      return List.of();
    }
    List<Transfer> transfers = new ArrayList<>(count.intValueExact());
    for (int i = 0; i < count.intValueExact(); i++) {
      transfers.add(transfer(TokenStandard.ERC721, log, first.add(BigInteger.valueOf(i)), BigInteger.ONE, 2, 3, i));
    }
    return transfers;
  }

  private static List<Transfer> single(ChainLog log, String data) {
    if (data.length() != 2 * WORD) {
      return List.of();
    }
    return List.of(transfer(TokenStandard.ERC1155, log, uint(data.substring(0, WORD)), uint(data.substring(WORD)), 2, 3, 0));
  }

  /** {@code (uint256[] ids, uint256[] values)}: two offsets, then each array's length and words. */
  private static List<Transfer> batch(ChainLog log, String data) {
    List<BigInteger> ids = array(data, 0);
    List<BigInteger> values = array(data, 1);
    if (ids == null || values == null || ids.size() != values.size()) {
      return List.of();
    }
    List<Transfer> transfers = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      transfers.add(transfer(TokenStandard.ERC1155, log, ids.get(i), values.get(i), 2, 3, i));
    }
    return transfers;
  }

  /** The dynamic array whose offset is head word {@code head}, or null if the data cannot hold it. */
  private static @Nullable List<BigInteger> array(String data, int head) {
    int words = data.length() / WORD;
    if (data.length() % WORD != 0 || words < 2) {
      return null;
    }
    BigInteger offset = uint(word(data, head));
    if (offset.mod(BigInteger.valueOf(32)).signum() != 0 || offset.compareTo(BigInteger.valueOf(32L * (words - 1))) > 0) {
      return null;
    }
    int at = offset.intValueExact() / 32;
    BigInteger length = uint(word(data, at));
    if (length.compareTo(BigInteger.valueOf(Math.min(MAX_TOKENS_PER_LOG, words - at - 1))) > 0) {
      return null;
    }
    List<BigInteger> items = new ArrayList<>(length.intValueExact());
    for (int i = 0; i < length.intValueExact(); i++) {
      items.add(uint(word(data, at + 1 + i)));
    }
    return items;
  }

  private static Transfer transfer(TokenStandard standard, ChainLog log, BigInteger tokenId, BigInteger amount, int fromTopic, int toTopic, int sub) {
    return new Transfer(standard, log.address().hex(), tokenId, amount, address(log.topics().get(fromTopic)), address(log.topics().get(toTopic)),
        log.blockNumber(), log.blockHash(), log.logIndex(), sub, log.transactionHash());
  }

  private static String word(String data, int index) {
    return data.substring(index * WORD, (index + 1) * WORD);
  }

  private static BigInteger uint(String hex) {
    return Numeric.toBigInt(hex);
  }

  private static String address(String topic) {
    String hex = Numeric.cleanHexPrefix(topic);
    return "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT);
  }
}
