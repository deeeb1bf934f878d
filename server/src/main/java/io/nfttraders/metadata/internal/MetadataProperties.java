package io.nfttraders.metadata.internal;

import io.nfttraders.platform.AddressGuard;
import io.nfttraders.platform.CidrBlock;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fetching off: tokens are still queued, nothing is fetched (a deployment without outbound access)
 * @param ipfsGateway where {@code ipfs://} content our own store does not hold is read from
 * @param allowedAddresses blocks metadata may be read from although they are private or special-purpose (tests whose
 *     servers listen on a loopback address)
 * @param deadline the longest a whole fetch (redirects, waiting, reading) may take
 * @param readTimeout the longest silence while connecting or reading
 * @param maxAttempts a document that could not be had for passing reasons (timeouts, 5xx) is given up after this many
 * @param firstRetry the wait after the first such failure; it doubles with each further one, up to {@code maxRetry}
 * @param refreshInterval a token's metadata is refreshed on request at most once in this time
 * @param concurrentFetches fetches under way at once
 */
@ConfigurationProperties("nft.metadata")
record MetadataProperties(
    @DefaultValue("true") boolean fetching,
    @DefaultValue("https://ipfs.io") URI ipfsGateway,
    @DefaultValue List<CidrBlock> allowedAddresses,
    @DefaultValue("262144") int maxDocumentBytes,
    @DefaultValue("10485760") int maxImageBytes,
    @DefaultValue("3") int maxRedirects,
    @DefaultValue("15s") Duration deadline,
    @DefaultValue("5s") Duration readTimeout,
    @DefaultValue("6") int maxAttempts,
    @DefaultValue("30s") Duration firstRetry,
    @DefaultValue("6h") Duration maxRetry,
    @DefaultValue("60s") Duration refreshInterval,
    @DefaultValue("4") int concurrentFetches,
    @DefaultValue("1s") Duration poll) {

  MetadataProperties {
    allowedAddresses = List.copyOf(allowedAddresses);
    if (maxDocumentBytes <= 0 || maxImageBytes <= 0 || maxAttempts <= 0 || concurrentFetches <= 0 || maxRedirects < 0) {
      throw new IllegalArgumentException("nft.metadata sizes, attempts and concurrency must be positive");
    }
  }

  AddressGuard guard() {
    return AddressGuard.allowing(allowedAddresses);
  }

  /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones. */
  Duration retryAfter(int attempts) {
    Duration wait = firstRetry.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }
}
