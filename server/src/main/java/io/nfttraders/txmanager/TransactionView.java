package io.nfttraders.txmanager;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A transaction as the API shows it, with its history of status changes. */
public record TransactionView(
    TransactionId id,
    long chainId,
    String kind,
    String from,
    @Nullable String to,
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
