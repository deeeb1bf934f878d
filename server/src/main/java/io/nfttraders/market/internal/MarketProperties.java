package io.nfttraders.market.internal;

import java.math.BigInteger;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param feeBps the platform's fee on every sale, in basis points (at most 1000)
 * @param feeRecipient who receives the fee; defaults to the platform wallet
 * @param maxRoyaltyBps the most an ERC-2981 royalty may take of a sale; a collection asking more gets this
 * @param settlementGasLimit gas for a fill or an offer acceptance (unused gas is not paid for)
 * @param defaultOrderLifetime how long an order stays fillable when its maker names no end
 * @param settlementPoll how often trades in flight are checked for failed transactions
 * @param listingsInMemory how many live listings the listings page may hold in memory (0: always read through SQL)
 */
@ConfigurationProperties("nft.market")
record MarketProperties(
    @DefaultValue("250") int feeBps,
    @Nullable String feeRecipient,
    @DefaultValue("1000") int maxRoyaltyBps,
    @DefaultValue("350000") BigInteger settlementGasLimit,
    @DefaultValue("30d") Duration defaultOrderLifetime,
    @DefaultValue("200ms") Duration settlementPoll,
    @DefaultValue("1000000") int listingsInMemory) {

  MarketProperties {
    if (feeBps < 0 || feeBps > 1000 || maxRoyaltyBps < 0 || feeBps + maxRoyaltyBps > 10_000) {
      throw new IllegalArgumentException("nft.market.fee-bps must be 0..1000 and fee-bps + max-royalty-bps at most 10000");
    }
    if (listingsInMemory < 0) {
      throw new IllegalArgumentException("nft.market.listings-in-memory must not be negative");
    }
  }
}
