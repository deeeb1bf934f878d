package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.time.Duration;

/** Chain settings as the embedded defaults have them, for specs of the configuration itself. */
public final class DevChains {

  private DevChains() {}

  public static ChainProperties chain(long id, boolean enabled) {
    return new ChainProperties(id, "chain " + id, ChainProperties.ChainKind.L1, null, null, null, "ETH", Duration.ofSeconds(10), enabled,
        new ChainProperties.Embedded("127.0.0.1", 0, 0, "contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil",
            Address.of("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"), BigInteger.TEN.pow(19), 60));
  }
}
