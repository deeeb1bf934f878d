package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainEndpoint;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.platform.DataDirectory;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChainConfiguration {

  /** Starts anvil when no external node is configured; stops it with the application. */
  static final class ChainRuntime implements DisposableBean {
    private final @Nullable EmbeddedChain embedded;
    private final ChainEndpoint endpoint;

    ChainRuntime(ChainProperties properties, DataDirectory dataDirectory, Path projectDir) {
      if (properties.isEmbedded()) {
        Path binary = projectDir.resolve(properties.embedded().anvilBinary()).normalize();
        this.embedded = EmbeddedChain.start(properties, binary, dataDirectory.resolve("anvil"));
        this.endpoint = embedded.endpoint();
      } else {
        this.embedded = null;
        this.endpoint = new ChainEndpoint(properties.id(), Objects.requireNonNull(properties.rpcUrl()), false);
      }
    }

    @Override
    public void destroy() {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  @Bean
  ChainRuntime chainRuntime(ChainProperties properties, DataDirectory dataDirectory, @Value("${nft.project-dir:.}") String projectDir) {
    // a String, not a Path: Spring would resolve a relative Path against the servlet context
    return new ChainRuntime(properties, dataDirectory, Path.of(projectDir).toAbsolutePath());
  }

  @Bean
  ChainEndpoint chainEndpoint(ChainRuntime runtime) {
    return runtime.endpoint;
  }

  @Bean(destroyMethod = "close")
  ChainClient chainClient(ChainEndpoint endpoint, ChainProperties properties) {
    ChainClient client = new ChainClient(endpoint, properties.rpcTimeout());
    long actual = client.chainId();
    if (actual != endpoint.chainId()) {
      throw new IllegalStateException("node at nft.chain.rpc-url reports chain id " + actual + ", configured " + endpoint.chainId());
    }
    return client;
  }
}
