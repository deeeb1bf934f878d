package io.nfttraders.support;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Receipt;
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
  public static String deployedBytecode(String contract) {
    return artifact(contract).get("deployedBytecode").asString();
  }

  /**
   * Deploys a test contract without constructor arguments from an account the dev chain unlocks, as
   * anyone could deploy it; answers its address.
   */
  public static io.nfttraders.ethereum.Address deploy(ChainClient chain, String contract) {
    String deployer = chain.request("eth_accounts", java.util.List.of(), org.web3j.protocol.core.methods.response.EthAccounts.class).getAccounts().getFirst();
    java.util.Map<String, String> tx = java.util.Map.of("from", deployer, "data", artifact(contract).get("bytecode").asString(), "gas", "0x4c4b40");
    String hash = chain.request("eth_sendTransaction", java.util.List.of(tx), org.web3j.protocol.core.methods.response.EthSendTransaction.class)
        .getTransactionHash();
    Receipt receipt = chain.awaitReceipt(hash, java.time.Duration.ofSeconds(30)).orElseThrow();
    if (!receipt.succeeded() || receipt.contractAddress() == null) {
      throw new IllegalStateException("deploying " + contract + " failed: " + hash);
    }
    return receipt.contractAddress();
  }

  private static synchronized JsonNode artifact(String contract) {
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
      return Api.JSON.readTree(Files.readString(compiled.resolve(contract + ".json")));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
