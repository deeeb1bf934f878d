package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** ERC-721 Transfer and EIP-2309 ConsecutiveTransfer logs to {@link Transfer}s. */
final class TransferDecoder {

  static final String TRANSFER = Hash.sha3String("Transfer(address,address,uint256)");
  static final String CONSECUTIVE_TRANSFER = Hash.sha3String("ConsecutiveTransfer(uint256,uint256,address,address)");
  /** ERC-20 shares Transfer's topic 0 with three topics; ERC-721 has four. */
  private static final int ERC721_TRANSFER_TOPICS = 4;

  private TransferDecoder() {}

  /** An ERC-721 Transfer log (one token), as opposed to a ConsecutiveTransfer range or anything else. */
  static boolean isTransfer(ChainLog log) {
    return log.topics().size() == ERC721_TRANSFER_TOPICS && log.topics().getFirst().equalsIgnoreCase(TRANSFER);
  }

  static List<Transfer> decode(ChainLog log) {
    String topic0 = log.topics().isEmpty() ? "" : log.topics().getFirst();
    String contract = log.address().hex();
    if (isTransfer(log)) {
      return List.of(new Transfer(contract, uint(log.topics().get(3)), address(log.topics().get(1)), address(log.topics().get(2)),
          log.blockNumber(), log.blockHash(), log.logIndex(), 0, log.transactionHash()));
    }
    if (topic0.equalsIgnoreCase(CONSECUTIVE_TRANSFER)) {
      BigInteger first = uint(log.topics().get(1));
      BigInteger last = Numeric.toBigInt(log.data());
      String from = address(log.topics().get(2));
      String to = address(log.topics().get(3));
      int count = last.subtract(first).intValueExact() + 1;
      List<Transfer> transfers = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        transfers.add(new Transfer(contract, first.add(BigInteger.valueOf(i)), from, to, log.blockNumber(), log.blockHash(), log.logIndex(), i,
            log.transactionHash()));
      }
      return transfers;
    }
    return List.of();
  }

  private static BigInteger uint(String topic) {
    return Numeric.toBigInt(topic);
  }

  private static String address(String topic) {
    String hex = Numeric.cleanHexPrefix(topic);
    return "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT);
  }
}
