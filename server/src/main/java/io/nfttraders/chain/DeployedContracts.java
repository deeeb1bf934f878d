package io.nfttraders.chain;

import java.util.Map;
import java.util.NoSuchElementException;

/** Our contracts on the configured chain, by name (e.g. "Collection"), deployed on first start. */
public record DeployedContracts(long chainId, Map<String, String> addresses) {

  public DeployedContracts {
    addresses = Map.copyOf(addresses);
  }

  public String address(String name) {
    String address = addresses.get(name);
    if (address == null) {
      throw new NoSuchElementException("contract " + name + " is not deployed on chain " + chainId);
    }
    return address;
  }
}
