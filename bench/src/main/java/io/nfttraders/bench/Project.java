package io.nfttraders.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** Where the repository is (bench/run passes it), and the benchmarks' scratch data directories. */
final class Project {

  /** Every data directory of a benchmark starts so (the machine check recognises our PostgreSQL by it). */
  static final String SCRATCH_PREFIX = "nft-bench-";

  private Project() {}

  static Path directory() {
    Path dir = Path.of(System.getProperty("nft.project-dir", ".")).toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("nft"))) {
      throw new IllegalStateException(dir + " is not the repository root; run through bench/run or pass -Dnft.project-dir");
    }
    return dir;
  }

  /**
   * A private copy of the packaged server, taken once per benchmark: the repository's jar is
   * rebuilt by whoever works in it, and a jar rewritten under a running benchmark breaks it.
   */
  static synchronized Path serverJar() {
    if (serverJar == null) {
      // -Dnft.server-jar=... measures another build (e.g. the code before a change) with the same benchmark
      Path built = Path.of(System.getProperty("nft.server-jar", directory().resolve("server/target/nft-traders-server.jar").toString()));
      if (!Files.isRegularFile(built)) {
        throw new IllegalStateException(built + " is missing: build it with ./mvnw -q -B -DskipTests install (bench/run does)");
      }
      try {
        Path copy = Files.createTempFile("nft-bench-server-", ".jar");
        Files.copy(built, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().deleteOnExit();
        serverJar = copy;
        provenance = "commit " + git("rev-parse", "--short", "HEAD") + ", uncommitted changes in "
            + git("status", "--porcelain", "--", "server", "signer", "contracts").lines().count() + " files of server/signer/contracts"
            + ", server jar " + built.getFileName() + " built " + Files.getLastModifiedTime(built).toInstant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return serverJar;
  }

  /** What was measured: the commit, whether the working tree differs from it, when the jar was built. */
  static synchronized String provenance() {
    serverJar();
    return provenance;
  }

  private static @Nullable Path serverJar;
  private static String provenance = "";

  private static String git(String... args) {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git", "-C", directory().toString()));
    command.addAll(java.util.List.of(args));
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
      return git.waitFor() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  static Path freshDataDirectory(String name) {
    try {
      return Files.createTempDirectory(SCRATCH_PREFIX + name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a data directory once its server has stopped (PostgreSQL and content files add up over runs). */
  static void delete(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not remove " + directory + ": " + e.getMessage());
    }
  }
}
