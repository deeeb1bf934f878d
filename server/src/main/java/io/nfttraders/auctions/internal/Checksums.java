package io.nfttraders.auctions.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Keys;

/**
 * EIP-55 forms of the lower-case addresses auctions keep, as the API shows addresses. A Keccak
 * each; a hot auction's few bidders recur in every event, so the forms are remembered (bounded).
 */
final class Checksums {

  private static final int MAX = 100_000;
  private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

  private Checksums() {}

  static @Nullable String of(@Nullable String address) {
    if (address == null) {
      return null;
    }
    String known = KNOWN.get(address);
    if (known != null) {
      return known;
    }
    if (KNOWN.size() >= MAX) {
      KNOWN.clear();
    }
    String checksummed = Keys.toChecksumAddress(address);
    KNOWN.put(address, checksummed);
    return checksummed;
  }
}
