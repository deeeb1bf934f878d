package io.nfttraders.platform.internal.http;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What a client may send and how slowly.
 *
 * @param maxJsonBody a JSON (or GraphQL) request body; larger ones are refused before they are read
 * @param headerTimeout a request's line and headers must have arrived this long after their first byte
 * @param bodyTimeout with {@code minBodyRate}: a body must have arrived by {@code bodyTimeout + size / minBodyRate}
 *     after its headers, checked as it arrives, so a trickle is cut off after about {@code bodyTimeout}
 * @param minBodyRate bytes a second that a body must average once its {@code bodyTimeout} has passed (16 KB/s: a
 *     10 MB image over a 128 kbit/s uplink; a slow body costs a connection, not a thread)
 * @param connectionTimeout the longest wait for a new connection's first byte, and between two reads
 * @param keepAliveTimeout an idle kept-alive connection is closed after this long
 * @param maxConnections connections held at once; more wait in the listen backlog
 * @param uploads multipart uploads, on the routes that take them ({@link io.nfttraders.platform.UploadEndpoint})
 */
@ConfigurationProperties("nft.http")
record HttpProperties(
    @DefaultValue("64KB") DataSize maxJsonBody,
    @DefaultValue("10s") Duration headerTimeout,
    @DefaultValue("10s") Duration bodyTimeout,
    @DefaultValue("16KB") DataSize minBodyRate,
    @DefaultValue("20s") Duration connectionTimeout,
    @DefaultValue("15s") Duration keepAliveTimeout,
    @DefaultValue("4096") int maxConnections,
    @DefaultValue Uploads uploads) {

  /**
   * @param maxBody a whole upload: a drop is up to a thousand images
   * @param maxFile one file part
   * @param maxParts parts in one upload: a drop's images and its metadata
   * @param memoryThreshold bodies and parts up to this size stay in memory, larger ones go to a temporary file
   */
  record Uploads(
      @DefaultValue("60MB") DataSize maxBody,
      @DefaultValue("10MB") DataSize maxFile,
      @DefaultValue("1010") int maxParts,
      @DefaultValue("256KB") DataSize memoryThreshold) {}

  /** When a body of {@code received} bytes, started {@code elapsed} ago, is too slow to wait for. */
  boolean tooSlow(Duration elapsed, long received) {
    long allowedMillis = bodyTimeout.toMillis() + received * 1000 / Math.max(1, minBodyRate.toBytes());
    return elapsed.toMillis() > allowedMillis;
  }
}
