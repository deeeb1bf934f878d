package io.nfttraders.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * Contracts that only specifications use (contracts/test/contracts), compiled on first use by the
 * project's pinned solc-js, exactly as the contract tests compile them.
 */
public final class TestContracts {

  private static Path compiled;

  private TestContracts() {}

  /** The runtime bytecode of a test contract, for {@code anvil_setCode}. */
  public static synchronized String deployedBytecode(String contract) {
    try {
      if (compiled == null) {
        Path contracts = Path.of("..", "contracts").toAbsolutePath().normalize();
        Path out = Files.createTempDirectory("test-contracts");
        Process node = new ProcessBuilder("node", "compile.mjs", out.toString(), "test/contracts").directory(contracts.toFile())
            .redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes());
        if (!node.waitFor(2, TimeUnit.MINUTES) || node.exitValue() != 0) {
          throw new IllegalStateException("compiling the test contracts failed:\n" + output);
        }
        compiled = out;
      }
      JsonNode artifact = Api.JSON.readTree(Files.readString(compiled.resolve(contract + ".json")));
      return artifact.get("deployedBytecode").asString();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
