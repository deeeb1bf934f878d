package io.nfttraders.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The wallet libraries the interop specs check us against, run in Node.js: the official {@code siwe}
 * library and {@code ethers} v6, pinned in src/test/node/wallet-interop and installed on first use.
 */
public final class WalletInterop {

  private static final Path HOME = Path.of("src", "test", "node", "wallet-interop").toAbsolutePath();

  private WalletInterop() {}

  /** Installs the pinned libraries unless the lockfile is already installed. */
  public static synchronized void install() throws IOException, InterruptedException {
    Path installed = HOME.resolve("node_modules").resolve(".package-lock.json");
    if (!Files.exists(installed) || Files.getLastModifiedTime(HOME.resolve("package-lock.json")).compareTo(Files.getLastModifiedTime(installed)) > 0) {
      run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"));
    }
  }

  /** Runs one of the scripts there with its arguments (a JSON document each) and reads the JSON it prints. */
  public static JsonNode call(String script, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("node", script));
    command.addAll(List.of(arguments));
    return Api.JSON.readTree(run(command));
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(HOME.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
