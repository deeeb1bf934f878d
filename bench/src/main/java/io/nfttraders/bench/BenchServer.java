package io.nfttraders.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code java -jar server/target/nft-traders-server.jar}) as a child process
 * on a data directory of the benchmark's, with its own HTTP and anvil ports on 127.0.0.1, exactly
 * as {@code ./nft run} starts it. Its output goes to {@code server.log} in the data directory.
 */
final class BenchServer implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Api api;

  private BenchServer(Process process, Api api) {
    this.process = process;
    this.api = api;
  }

  /** Starts the server and returns once it answers, before it is ready (a benchmark may want to watch its start). */
  static BenchServer launch(Path dataDirectory, List<String> jvmOptions, List<String> serverOptions) {
    Path projectDirectory = Project.directory();
    Path jar = Project.serverJar();
    int httpPort = freePort();
    int chainPort = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString(),
        "--nft.data-dir=" + dataDirectory,
        "--nft.project-dir=" + projectDirectory,
        "--server.port=" + httpPort,
        "--server.address=127.0.0.1",
        "--nft.chains.dev.embedded.port=" + chainPort,
        "--nft.chains.dev-l2.embedded.port=0"));
    command.addAll(serverOptions);
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("server.log").toFile()))
          .start();
      return new BenchServer(process, new Api(httpPort));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the server", e);
    }
  }

  /** CPU time the server's JVM has used so far. */
  Duration cpuTime() {
    return Machine.cpuTime(process.pid());
  }

  /** Starts the server and waits until its readiness probe says so. */
  static BenchServer start(Path dataDirectory, List<String> jvmOptions, List<String> serverOptions) {
    BenchServer server = launch(dataDirectory, jvmOptions, serverOptions);
    server.awaitReady();
    return server;
  }

  Api api() {
    return api;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  void awaitReady() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with code " + process.exitValue() + "; see server.log in its data directory");
      }
      if (api.isReady()) {
        return;
      }
      Pause.millis(100);
    }
    throw new IllegalStateException("the server was not ready within " + READY_TIMEOUT);
  }

  /** SIGTERM and wait: the server stops anvil (which dumps its state) and PostgreSQL itself. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        System.err.println("the server did not stop within " + STOP_TIMEOUT + "; killing it (its anvil and PostgreSQL are stopped by the next start on that data directory)");
        process.destroyForcibly();
        process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
