package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainEndpoint;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.platform.DataDirectory;
import io.nfttraders.platform.StaleProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev chain: a pinned anvil child process on loopback whose state is dumped into the data
 * directory (periodically and on exit) and loaded again on start, so the chain and the database
 * stay consistent across restarts.
 */
final class EmbeddedChain implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedChain.class);
  private static final Duration STARTUP = Duration.ofSeconds(30);
  private static final long LEGACY_CHAIN_ID = 31337;

  private final Process process;
  private final ChainEndpoint endpoint;
  private final Path pidFile;

  private EmbeddedChain(Process process, ChainEndpoint endpoint, Path pidFile) {
    this.process = process;
    this.endpoint = endpoint;
    this.pidFile = pidFile;
  }

  /**
   * {@code anvil/<chain id>}. A data directory of a server that knew one chain has its state in
   * {@code anvil} itself, which was chain 31337's: it moves to that chain's directory.
   */
  static Path stateDirectory(DataDirectory data, ChainProperties chain) {
    Path legacy = data.resolve("anvil").resolve("state.json");
    Path directory = data.resolve("anvil/" + chain.id());
    try {
      if (chain.id() == LEGACY_CHAIN_ID && Files.exists(legacy) && !Files.exists(directory.resolve("state.json"))) {
        Files.move(legacy, directory.resolve("state.json"));
        log.info("moved the dev chain's state from {} to {}", legacy.getParent(), directory);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the dev chain's state into " + directory, e);
    }
    return directory;
  }

  static EmbeddedChain start(ChainProperties properties, Path anvilBinary, Path stateDirectory) {
    if (!Files.isExecutable(anvilBinary)) {
      throw new IllegalStateException("anvil not found at " + anvilBinary
          + "; the build installs it (./mvnw install), or set nft.chains.<key>.rpc-url to use an external node");
    }
    Path pidFile = stateDirectory.resolve("anvil.pid");
    StaleProcess.stopIfRunning(pidFile, "anvil", Duration.ofSeconds(15));
    ChainProperties.Embedded embedded = properties.embedded();
    int port = embedded.port() == 0 ? freePort() : embedded.port();
    List<String> command = new ArrayList<>(List.of(
        anvilBinary.toString(),
        "--host", embedded.host(),
        "--port", Integer.toString(port),
        "--chain-id", Long.toString(properties.id()),
        "--state", stateDirectory.resolve("state.json").toString(),
        "--state-interval", Integer.toString(embedded.stateIntervalSeconds()),
        "--no-request-size-limit"));
    if (properties.kind() == ChainProperties.ChainKind.OP_STACK_L2) {
      // OP Stack transaction types and predeploys; anvil charges no layer-1 data fee
      command.addAll(List.of("--network", "optimism"));
    }
    if (embedded.blockTimeSeconds() > 0) {
      command.addAll(List.of("--block-time", Integer.toString(embedded.blockTimeSeconds())));
    }
    long started = System.nanoTime();
    Process process;
    try {
      process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(stateDirectory.resolve("anvil.log").toFile()))
          .start();
      Files.writeString(pidFile, Long.toString(process.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start anvil", e);
    }
    URI rpcUrl = URI.create("http://" + embedded.host() + ":" + port);
    EmbeddedChain chain = new EmbeddedChain(process, new ChainEndpoint(properties.id(), rpcUrl, true), pidFile);
    chain.awaitReady();
    log.info("embedded anvil started chainId={} rpcUrl={} pid={} millis={}", properties.id(), rpcUrl, process.pid(), (System.nanoTime() - started) / 1_000_000);
    return chain;
  }

  ChainEndpoint endpoint() {
    return endpoint;
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest probe = HttpRequest.newBuilder(endpoint.rpcUrl())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}"))
        .timeout(Duration.ofSeconds(2))
        .build();
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("anvil exited with code " + process.exitValue() + " (is port " + endpoint.rpcUrl().getPort() + " in use?)");
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // anvil is still binding its port
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      sleep(Duration.ofMillis(50));
    }
    close();
    throw new IllegalStateException("anvil did not answer within " + STARTUP);
  }

  /** SIGTERM: anvil dumps its state before it exits. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        log.warn("anvil did not stop in time; killing it");
        process.destroyForcibly();
      }
      Files.deleteIfExists(pidFile);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      log.warn("cannot remove {}", pidFile, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
