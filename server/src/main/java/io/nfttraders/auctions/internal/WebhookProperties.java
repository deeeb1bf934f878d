package io.nfttraders.auctions.internal;

import io.nfttraders.platform.AddressGuard;
import io.nfttraders.platform.CidrBlock;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowPrivateAddresses shorthand for allowing every address (tests, whose receivers listen on 127.0.0.1); off: webhooks
 *     could reach services inside our network
 * @param allowedAddresses blocks webhooks may reach although they are private or special-purpose, e.g. {@code 10.20.0.0/16} for
 *     receivers of our own
 * @param maxAttempts deliveries given up after this many failed attempts
 * @param firstRetry the wait after the first failure; it doubles with each further one, up to {@code maxRetry}
 * @param timeout a receiver's time to answer
 */
@ConfigurationProperties("nft.webhooks")
record WebhookProperties(
    @DefaultValue("false") boolean allowPrivateAddresses,
    @DefaultValue List<CidrBlock> allowedAddresses,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("1s") Duration firstRetry,
    @DefaultValue("1h") Duration maxRetry,
    @DefaultValue("10s") Duration timeout) {

  WebhookProperties {
    allowedAddresses = List.copyOf(allowedAddresses);
  }

  /** Decides which addresses webhooks may be registered for and delivered to. */
  AddressGuard guard() {
    return AddressGuard.allowing(allowPrivateAddresses ? List.of(CidrBlock.of("0.0.0.0/0"), CidrBlock.of("::/0")) : allowedAddresses);
  }
}
