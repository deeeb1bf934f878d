package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.content.ContentStore;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.content.StoredFile;
import io.nfttraders.content.TestImages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The S3 back end against S3Proxy, an S3-compatible server running inside the test JVM on an
 * in-memory blob store, reached over HTTP on loopback with signed requests and path-style URLs.
 */
class S3ContentStoreTest extends ContentStoreContract {

  private static final String ACCESS_KEY = "test-access";
  private static final String SECRET_KEY = "test-secret";
  private static final AtomicInteger BUCKETS = new AtomicInteger();

  static S3Proxy server;
  static URI endpoint;
  static S3Client admin;
  static final List<S3ContentBackend> backends = new ArrayList<>();

  @BeforeAll
  static void startS3() throws Exception {
    server = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .build();
    server.start();
    while (!server.getState().equals("STARTED")) {
      Thread.sleep(10);
    }
    endpoint = URI.create("http://127.0.0.1:" + server.getPort());
    admin = S3Client.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  @AfterAll
  static void stopS3() throws Exception {
    backends.forEach(S3ContentBackend::close);
    admin.close();
    server.stop();
  }

  private String bucket;

  @Override
  ContentStore store() {
    bucket = "content-" + BUCKETS.incrementAndGet();
    admin.createBucket(b -> b.bucket(bucket));
    S3ContentBackend backend = S3ContentBackend.create(
        new ContentProperties.S3(bucket, endpoint, "us-east-1", ACCESS_KEY, SECRET_KEY, true));
    backends.add(backend);
    return new UnixFsContentStore(backend);
  }

  @Test
  void storesEachFileOnceAsAnObjectWithItsMediaType() {
    ContentStore store = store();
    byte[] webp = TestImages.WEBP_LOSSY_5X3;
    StoredFile file = store.putFile(webp, "image/webp");
    store.putFile(webp, "image/webp");
    StoredDirectory directory = store.putDirectory(List.of(new StoredDirectory.Entry("0.webp", file.cid(), file.size())));

    assertThat(admin.listObjectsV2(b -> b.bucket(bucket)).contents()).extracting(S3Object::key)
        .containsExactlyInAnyOrder("files/" + file.cid(), "directories/" + directory.cid() + ".json");
    assertThat(admin.headObject(b -> b.bucket(bucket).key("files/" + file.cid())).contentType()).isEqualTo("image/webp");
  }
}
