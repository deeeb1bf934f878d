package io.nfttraders.support;

import io.nfttraders.NftTradersApplication;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole server started the way {@code java -jar} starts it, on a data directory the test chooses. */
public final class StandaloneServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private StandaloneServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static StandaloneServer start(Path dataDirectory) {
    ConfigurableApplicationContext context = new SpringApplicationBuilder(NftTradersApplication.class)
        .profiles("test")
        // command-line arguments: they outrank the test profile's random data directory
        .run("--nft.data-dir=" + dataDirectory, "--server.port=0", "--nft.chain.embedded.port=0");
    return new StandaloneServer(context);
  }

  public Api api() {
    return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
