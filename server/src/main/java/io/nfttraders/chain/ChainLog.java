package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.util.List;

/** One event log as the node reported it; {@code address} is the contract that emitted it. */
public record ChainLog(Address address, List<String> topics, String data, long blockNumber, String blockHash, int logIndex, String transactionHash) {

  public ChainLog {
    topics = List.copyOf(topics);
  }
}
