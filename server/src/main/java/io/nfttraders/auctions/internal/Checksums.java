package io.nfttraders.auctions.internal;

import io.nfttraders.ethereum.Address;
import org.jspecify.annotations.Nullable;

/** EIP-55 forms of the lower-case addresses auctions keep, as the API shows addresses; absent stays absent. */
final class Checksums {

  private Checksums() {}

  static @Nullable String of(@Nullable String address) {
    return address == null ? null : Address.of(address).checksummed();
  }
}
