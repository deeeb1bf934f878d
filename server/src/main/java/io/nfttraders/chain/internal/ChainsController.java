package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainContracts;
import io.nfttraders.chain.ChainEndpoint;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: what a wallet needs to talk to our chains and contracts. Never the nodes' credentials. */
@RestController
class ChainsController {

  record ChainView(long id, String key, String name, ChainProperties.ChainKind kind, String currency, boolean defaultChain, URI rpcUrl,
      @Nullable URI explorerUrl, boolean embedded, Map<String, Address> contracts) {}

  private final List<ChainView> views;

  ChainsController(Chains chains, ChainContracts contracts) {
    this.views = chains.all().stream().map(chain -> {
      ChainProperties properties = chain.properties();
      Map<String, Address> deployed = contracts.find(chain.id()).map(DeployedContracts::byName).orElse(Map.of());
      return new ChainView(properties.id(), chain.key(), properties.name(), properties.kind(), properties.currency(), chain == chains.defaultChain(),
          publicRpcUrl(properties, chain.endpoint()), properties.explorerUrl(), chain.endpoint().embedded(), deployed);
    }).toList();
  }

  /** The default chain first. */
  @GetMapping("/api/v1/chains")
  List<ChainView> chains() {
    return views;
  }

  /**
   * An external node's URL carries API keys in its user-info, path or query, so without an
   * explicit {@code public-rpc-url} only its origin is published.
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
