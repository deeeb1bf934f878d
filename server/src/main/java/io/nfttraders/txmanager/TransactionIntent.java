package io.nfttraders.txmanager;

import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.WalletId;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;

/**
 * What a capability wants done on-chain. The manager chooses nonce and fees.
 *
 * @param kind a short label for lists and metrics, e.g. MINT
 * @param gasLimit explicit, because estimating against a state that earlier queued transactions
 *     will change (a role grant before a mint) would fail
 * @param requestedBy the user on whose behalf it is sent, if any
 * @param dependsOn a transaction that must be mined successfully first
 */
public record TransactionIntent(
    String kind,
    WalletId wallet,
    Address to,
    BigInteger valueWei,
    byte[] data,
    BigInteger gasLimit,
    Optional<UUID> requestedBy,
    String reason,
    Optional<TransactionId> dependsOn) {

  public TransactionIntent {
    if (kind.isBlank() || kind.length() > 40 || reason.isBlank() || reason.length() > 300) {
      throw new IllegalArgumentException("kind (1-40 chars) and reason (1-300 chars) are required");
    }
    if (valueWei.signum() < 0 || gasLimit.signum() <= 0) {
      throw new IllegalArgumentException("value must be >= 0 and gas limit > 0");
    }
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }
}
