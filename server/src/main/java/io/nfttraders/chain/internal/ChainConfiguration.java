package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainEndpoint;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.ChainsProperties;
import io.nfttraders.platform.DataDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

  /** Starts an anvil for each chain with no external node, connects to every chain; stops it all with the application. */
  static final class ChainRuntime implements DisposableBean {
    private final List<EmbeddedChain> embedded = new ArrayList<>();
    private final Chains chains;

    ChainRuntime(ChainsProperties properties, DataDirectory dataDirectory, Path projectDir) {
      List<Chains.Chain> connected = new ArrayList<>();
      try {
        for (Map.Entry<String, ChainProperties> entry : properties.enabled()) {
          connected.add(connect(entry.getKey(), entry.getValue(), dataDirectory, projectDir));
        }
      } catch (RuntimeException e) {
        connected.forEach(c -> c.client().close());
        destroy();
        throw e;
      }
      this.chains = new Chains(connected);
    }

    private Chains.Chain connect(String key, ChainProperties chain, DataDirectory dataDirectory, Path projectDir) {
      ChainEndpoint endpoint;
      if (chain.isEmbedded()) {
        Path binary = projectDir.resolve(chain.embedded().anvilBinary()).normalize();
        EmbeddedChain started = EmbeddedChain.start(chain, binary, EmbeddedChain.stateDirectory(dataDirectory, chain));
        embedded.add(started);
        endpoint = started.endpoint();
      } else {
        endpoint = new ChainEndpoint(chain.id(), Objects.requireNonNull(chain.rpcUrl()), false);
      }
      ChainClient client = new ChainClient(endpoint, chain.rpcTimeout());
      long actual = client.chainId();
      if (actual != chain.id()) {
        client.close();
        throw new IllegalStateException("the node of chain '" + key + "' (nft.chains." + key + ") reports chain id " + actual + ", configured " + chain.id());
      }
      return new Chains.Chain(key, chain, endpoint, client);
    }

    @Override
    public void destroy() {
      if (chains != null) {
        chains.all().forEach(c -> c.client().close());
      }
      embedded.forEach(EmbeddedChain::close);
    }
  }

  @Bean
  ChainRuntime chainRuntime(ChainsProperties properties, DataDirectory dataDirectory, @Value("${nft.project-dir:.}") String projectDir) {
    // a String, not a Path: Spring would resolve a relative Path against the servlet context
    return new ChainRuntime(properties, dataDirectory, Path.of(projectDir).toAbsolutePath());
  }

  @Bean
  Chains chains(ChainRuntime runtime) {
    return runtime.chains;
  }

  /** The default chain's, for the work that does not name its chain yet. */
  @Bean
  ChainProperties chainProperties(Chains chains) {
    return chains.defaultChain().properties();
  }

  @Bean
  ChainEndpoint chainEndpoint(Chains chains) {
    return chains.defaultChain().endpoint();
  }

  /** Closed with the other chains' clients by {@link ChainRuntime}. */
  @Bean(destroyMethod = "")
  ChainClient chainClient(Chains chains) {
    return chains.defaultChain().client();
  }
}
