package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainEndpoint;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: what a wallet needs to talk to our chains and contracts. Never the node's credentials. */
@RestController
class ChainsController {

  record ChainView(long id, String name, URI rpcUrl, @Nullable URI explorerUrl, boolean embedded, Map<String, Address> contracts) {}

  private final ChainView view;

  ChainsController(ChainProperties properties, ChainEndpoint endpoint, DeployedContracts contracts) {
    this.view = new ChainView(
        properties.id(), properties.name(), publicRpcUrl(properties, endpoint), properties.explorerUrl(), endpoint.embedded(), contracts.byName());
  }

  @GetMapping("/api/v1/chains")
  List<ChainView> chains() {
    return List.of(view);
  }

  /**
   * An external node's URL carries API keys in its user-info, path or query, so without an
   * explicit {@code nft.chain.public-rpc-url} only its origin is published.
   */
  static URI publicRpcUrl(ChainProperties properties, ChainEndpoint endpoint) {
    if (properties.publicRpcUrl() != null) {
      return properties.publicRpcUrl();
    }
    URI url = endpoint.rpcUrl();
    if (endpoint.embedded()) {
      return url;
    }
    return URI.create(url.getScheme() + "://" + url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : ""));
  }
}
