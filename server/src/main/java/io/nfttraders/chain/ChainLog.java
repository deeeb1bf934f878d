package io.nfttraders.chain;

import java.util.List;

/** One event log as the node reported it. */
public record ChainLog(String address, List<String> topics, String data, long blockNumber, String blockHash, int logIndex, String transactionHash) {

  public ChainLog {
    topics = List.copyOf(topics);
  }
}
