package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One chain the server works on ({@code nft.chains.<key>}). Without {@code rpc-url} the server starts
 * its own anvil dev chain for it ({@link Embedded}); with one it uses that node and starts nothing.
 *
 * @param id chain id (EIP-155), checked against the node at start
 * @param kind a layer 1, or a rollup that posts its data to one (and charges for it)
 * @param rpcUrl the node the server talks to, may contain credentials, never shown to anyone
 * @param publicRpcUrl the URL a wallet should use; defaults to {@code rpcUrl} without credentials
 * @param currency the symbol of the chain's native currency (18 decimals on every EVM chain we serve)
 * @param enabled {@code false} leaves a configured chain out (the embedded defaults, for instance)
 */
public record ChainProperties(
    long id,
    String name,
    @DefaultValue("L1") ChainKind kind,
    @Nullable URI rpcUrl,
    @Nullable URI publicRpcUrl,
    @Nullable URI explorerUrl,
    @DefaultValue("ETH") String currency,
    @DefaultValue("10s") Duration rpcTimeout,
    @DefaultValue("true") boolean enabled,
    @DefaultValue Embedded embedded) {

  public ChainProperties {
    if (id <= 0) {
      throw new IllegalArgumentException("a chain's id must be positive, was " + id);
    }
  }

  public boolean isEmbedded() {
    return rpcUrl == null;
  }

  /** What a chain is, as far as its fees go. */
  public enum ChainKind {
    L1,
    /** An OP Stack rollup: each transaction also pays for its data posted to the layer 1. */
    OP_STACK_L2
  }

  /**
   * @param port fixed so that wallets configured for the dev chain keep working across restarts; {@code 0}: any free port
   * @param blockTimeSeconds 0 mines a block per transaction (automine)
   * @param anvilBinary the pinned anvil the build installs from npm
   * @param devAccount the anvil dev account that funds new wallets (unlocked by anvil itself)
   * @param walletFundingWei what each new custodial wallet receives on the dev chain
   * @param stateIntervalSeconds how often anvil rewrites its whole state file, every block, transaction and receipt
   *     included. It also writes it when it is stopped (SIGTERM: a normal stop, or the next start after a server was
   *     killed), so the interval only bounds what a crash of anvil itself or of the machine loses. The write grows
   *     with the chain's history (hundreds of MB after 100,000 transfers): every second, it stalled RPC calls and
   *     slowed every fsync on the disk, so the default is a minute
   */
  public record Embedded(
      @DefaultValue("127.0.0.1") String host,
      @DefaultValue("8545") int port,
      @DefaultValue("0") int blockTimeSeconds,
      @DefaultValue("contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil") String anvilBinary,
      @DefaultValue("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266") Address devAccount,
      @DefaultValue("10000000000000000000") BigInteger walletFundingWei,
      @DefaultValue("60") int stateIntervalSeconds) {}
}
