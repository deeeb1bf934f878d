package io.nfttraders.auctions.internal;

import io.nfttraders.chain.ChainLog;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.indexer.IndexedLogsListener;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/** Forgets a bidder's WETH balance when a transfer, deposit or withdrawal of theirs is indexed, so the next bid reads it afresh. */
@Component
class WethBalanceEvents implements IndexedLogsListener {

  private static final String TRANSFER = topic("Transfer(address,address,uint256)");
  private static final String DEPOSIT = topic("Deposit(address,uint256)");
  private static final String WITHDRAWAL = topic("Withdrawal(address,uint256)");

  private final BidderFunds funds;
  private final Address weth;

  WethBalanceEvents(BidderFunds funds, DeployedContracts contracts) {
    this.funds = funds;
    this.weth = contracts.weth().address();
  }

  @Override
  public List<String> eventTopics() {
    return List.of(DEPOSIT, WITHDRAWAL);
  }

  @Override
  public void apply(long chainId, long fromBlock, long toBlock, List<ChainLog> logs) {
    for (ChainLog entry : logs) {
      if (!entry.address().equals(weth) || entry.topics().size() < 2) {
        continue;
      }
      String topic0 = entry.topics().getFirst().toLowerCase();
      if (topic0.equals(TRANSFER) || topic0.equals(DEPOSIT) || topic0.equals(WITHDRAWAL)) {
        funds.forget(account(entry.topics().get(1)));
        if (topic0.equals(TRANSFER) && entry.topics().size() > 2) {
          funds.forget(account(entry.topics().get(2)));
        }
      }
    }
  }

  @Override
  public void rolledBack(long chainId, long ancestorBlock) {
    funds.forgetAll();
  }

  private static String account(String topic) {
    return "0x" + topic.substring(topic.length() - 40).toLowerCase();
  }

  private static String topic(String signature) {
    return Numeric.toHexString(Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII)));
  }
}
