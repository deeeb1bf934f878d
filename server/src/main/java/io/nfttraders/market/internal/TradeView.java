package io.nfttraders.market.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A fill or an offer acceptance started through the API. SETTLING until the indexer sees the
 * exchange's OrderFilled (SETTLED) or the transaction fails (FAILED, with the chain's reason, and the
 * order is offered again).
 */
record TradeView(UUID id, String orderHash, String side, String state, @Nullable String failure, UUID transactionId, Instant createdAt) {}
