package io.nfttraders.auctions.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateAddresses whether webhooks may point at loopback, private or link-local addresses (off: they could reach
 *     services inside our network)
 * @param maxAttempts deliveries given up after this many failed attempts
 * @param firstRetry the wait after the first failure; it doubles with each further one, up to {@code maxRetry}
 * @param timeout a receiver's time to answer
 */
@ConfigurationProperties("nft.webhooks")
record WebhookProperties(
    @DefaultValue("false") boolean allowPrivateAddresses,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("1s") Duration firstRetry,
    @DefaultValue("1h") Duration maxRetry,
    @DefaultValue("10s") Duration timeout) {}
