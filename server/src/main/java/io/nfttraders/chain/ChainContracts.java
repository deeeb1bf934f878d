package io.nfttraders.chain;

import io.nfttraders.ethereum.ChainId;
import java.util.List;
import java.util.Optional;

/** Our contracts on each chain the server works on, the default chain's first; deployed during start-up. */
public final class ChainContracts {

  private final List<DeployedContracts> contracts;

  public ChainContracts(List<DeployedContracts> contracts) {
    this.contracts = List.copyOf(contracts);
  }

  public List<DeployedContracts> all() {
    return contracts;
  }

  public Optional<DeployedContracts> find(ChainId chain) {
    return contracts.stream().filter(c -> c.chainId().equals(chain)).findFirst();
  }
}
