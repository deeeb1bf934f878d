package io.nfttraders.content.internal;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param backend where content is stored: {@code local} (the data directory) or {@code s3}
 * @param maxImageBytes the largest image upload accepted
 * @param maxImagePixels the most pixels (width x height) an uploaded image may declare
 * @param s3 the bucket, when {@code backend} is {@code s3}
 */
@ConfigurationProperties("nft.content")
record ContentProperties(
    @DefaultValue("local") Backend backend,
    @DefaultValue("10MB") DataSize maxImageBytes,
    @DefaultValue("16777216") long maxImagePixels,
    @DefaultValue S3 s3) {

  enum Backend { LOCAL, S3 }

  /**
   * An S3-compatible bucket (AWS, MinIO, Ceph, R2, ...).
   *
   * @param endpoint for services other than AWS, e.g. {@code http://127.0.0.1:9000}
   * @param accessKey with {@code secretKey}: static credentials; without both, the AWS default
   *     chain (environment, profile, instance role)
   * @param secretKey never logged or shown
   * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, as
   *     most self-hosted services need
   */
  record S3(
      @Nullable String bucket,
      @Nullable URI endpoint,
      @DefaultValue("us-east-1") String region,
      @Nullable String accessKey,
      @Nullable String secretKey,
      @DefaultValue("false") boolean pathStyle) {

    /** What may be logged: neither key, nor credentials in the endpoint's user-info. */
    @Override
    public String toString() {
      String shownEndpoint = endpoint == null ? "AWS" : endpoint.getUserInfo() == null
          ? endpoint.toString() : endpoint.toString().replace(endpoint.getRawUserInfo() + "@", "***@");
      return "S3[bucket=" + bucket + ", endpoint=" + shownEndpoint + ", region=" + region
          + ", credentials=" + (accessKey != null ? "static" : "default chain") + ", pathStyle=" + pathStyle + "]";
    }
  }
}
