package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chain the server works on. Without {@code rpc-url} the server starts its own anvil dev
 * chain ({@link Embedded}); with one it uses that node and starts nothing.
 *
 * @param id chain id (EIP-155)
 * @param rpcUrl the node the server talks to, may contain credentials, never shown to anyone
 * @param publicRpcUrl the URL a wallet should use; defaults to {@code rpcUrl} without credentials
 */
@ConfigurationProperties("nft.chain")
public record ChainProperties(
    @DefaultValue("31337") long id,
    @DefaultValue("Anvil dev chain") String name,
    @Nullable URI rpcUrl,
    @Nullable URI publicRpcUrl,
    @Nullable URI explorerUrl,
    @DefaultValue("10s") Duration rpcTimeout,
    @DefaultValue Embedded embedded) {

  public boolean isEmbedded() {
    return rpcUrl == null;
  }

  /**
   * @param port fixed so that wallets configured for the dev chain keep working across restarts
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
