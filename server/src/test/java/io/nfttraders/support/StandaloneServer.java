package io.nfttraders.support;

import io.nfttraders.NftTradersApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole server started the way {@code java -jar} starts it, on a data directory the test chooses. */
public final class StandaloneServer implements AutoCloseable {

  private final ConfigurableApplicationContext context;

  private StandaloneServer(ConfigurableApplicationContext context) {
    this.context = context;
  }

  public static StandaloneServer start(Path dataDirectory, String... extraArguments) {
    List<String> arguments = new ArrayList<>(List.of("--nft.data-dir=" + dataDirectory, "--server.port=0", "--nft.chains.dev.embedded.port=0",
        "--nft.chains.dev-l2.embedded.port=0"));
    arguments.addAll(List.of(extraArguments));
    ConfigurableApplicationContext context = new SpringApplicationBuilder(NftTradersApplication.class)
        .profiles("test")
        // command-line arguments: they outrank the test profile's random data directory
        .run(arguments.toArray(String[]::new));
    return new StandaloneServer(context);
  }

  public Api api() {
    return new Api(port());
  }

  public int port() {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
