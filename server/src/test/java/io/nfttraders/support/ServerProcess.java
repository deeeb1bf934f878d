package io.nfttraders.support;

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

/**
 * The packaged server ({@code java -jar}) as a child process, so a test can kill it with SIGKILL
 * the way a crash or an OOM killer would. Used by the *IT tests that run after packaging.
 */
public final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final Path dataDirectory;

  private ServerProcess(Process process, int port, Path dataDirectory) {
    this.process = process;
    this.port = port;
    this.dataDirectory = dataDirectory;
  }

  public static ServerProcess start(Path dataDirectory, String... extraArguments) {
    String jar = System.getProperty("nft.server-jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("nft.server-jar must point to the packaged server (run through failsafe after package)");
    }
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar,
        "--nft.data-dir=" + dataDirectory, "--server.port=" + port, "--nft.chains.dev.embedded.port=0", "--nft.chains.dev-l2.embedded.port=0",
        "--nft.project-dir=" + System.getProperty("nft.project-dir", "..")));
    command.addAll(List.of(extraArguments));
    try {
      Process process = new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDirectory.resolve("server.log").toFile()))
          .start();
      ServerProcess server = new ServerProcess(process, port, dataDirectory);
      server.awaitReady(Duration.ofSeconds(120));
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Api api() {
    return new Api(port);
  }

  /** SIGKILL: no shutdown hooks, no graceful anything; child processes are orphaned. */
  public void kill() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * SIGKILL the embedded PostgreSQL, as a crash of the database or a power cut would take it: its
   * processes first (the WAL writer among them, so nothing left in its buffers reaches the disk),
   * then the postmaster. What a commit acknowledged must still be there when the server restarts.
   */
  public void killDatabase() {
    try {
      long postmasterPid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postgres/postmaster.pid")).getFirst().trim());
      ProcessHandle postmaster = ProcessHandle.of(postmasterPid).orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
      List<ProcessHandle> processes = new ArrayList<>(postmaster.children().toList());
      processes.add(postmaster);
      processes.forEach(ProcessHandle::destroyForcibly);
      processes.forEach(p -> p.onExit().join());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    throw new IllegalStateException("server not ready within " + timeout);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
