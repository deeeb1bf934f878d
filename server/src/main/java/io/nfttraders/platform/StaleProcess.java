package io.nfttraders.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Child processes (PostgreSQL, anvil) outlive a server that was killed with SIGKILL. Before
 * starting a new one on the same data directory, the orphan recorded in the pid file is asked to
 * stop (SIGTERM lets anvil dump its state and PostgreSQL shut down cleanly).
 */
public final class StaleProcess {

  private static final Logger log = LoggerFactory.getLogger(StaleProcess.class);

  private StaleProcess() {}

  /**
   * Stops the process whose pid is on the first line of {@code pidFile} if it is still alive and
   * its command contains {@code commandFragment}; a pid reused by an unrelated program is left
   * alone.
   */
  public static void stopIfRunning(Path pidFile, String commandFragment, Duration grace) {
    readPid(pidFile)
        .flatMap(ProcessHandle::of)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.contains(commandFragment)).orElse(false))
        .ifPresent(p -> stop(p, grace));
  }

  private static void stop(ProcessHandle process, Duration grace) {
    log.warn("stopping orphaned process pid={} command={}", process.pid(), process.info().command().orElse("?"));
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping pid " + process.pid(), e);
    } catch (Exception timeout) {
      log.warn("pid={} did not stop within {}; killing it", process.pid(), grace);
      process.destroyForcibly();
    }
  }

  private static Optional<Long> readPid(Path pidFile) {
    if (!Files.isRegularFile(pidFile)) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(pidFile);
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
