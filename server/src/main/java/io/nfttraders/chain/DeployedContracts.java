package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Our contracts on the configured chain, deployed on first start.
 *
 * @param collection the platform's shared ERC-721 collection
 * @param weth the wrapped ether that bids and offers are paid in
 * @param exchange the exchange that settles listings and offers
 * @param factory makes creators' own collections
 */
public record DeployedContracts(ChainId chainId, NftCollection collection, Weth weth, Address exchange, CollectionFactory factory) {

  /**
   * The version of the exchange (its EIP-712 domain's) whose order type the server signs and
   * fills; an exchange of another version is replaced by a new one.
   */
  public static final String EXCHANGE_VERSION = "3";

  /** Each contract by the name of its artifact, as the chains endpoint shows them. */
  public Map<String, Address> byName() {
    Map<String, Address> byName = new LinkedHashMap<>();
    byName.put("Collection", collection.address());
    byName.put("WETH", weth.address());
    byName.put("Exchange", exchange);
    byName.put("CollectionFactory", factory.address());
    return byName;
  }
}
