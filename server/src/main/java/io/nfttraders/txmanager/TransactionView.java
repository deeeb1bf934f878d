package io.nfttraders.txmanager;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A transaction as the API shows it, with its history of status changes. */
public record TransactionView(
    TransactionId id,
    ChainId chainId,
    String kind,
    Address from,
    @Nullable Address to,
    @Nullable Long nonce,
    @Nullable String hash,
    TransactionStatus status,
    @Nullable Long blockNumber,
    @Nullable Long gasUsed,
    @Nullable String error,
    Instant createdAt,
    Instant updatedAt,
    List<StatusChange> history) {

  public record StatusChange(TransactionStatus status, @Nullable String detail, Instant at) {}
}
