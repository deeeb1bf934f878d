package io.nfttraders.content.internal;

import io.nfttraders.content.Cid;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import tools.jackson.databind.json.JsonMapper;

/**
 * Content in an S3-compatible bucket: {@code files/<cid>} with the media type as its
 * {@code Content-Type} and the DAG size as user metadata, {@code directories/<cid>.json} for
 * listings. An object appears whole or not at all, so writes need no temporary name.
 */
final class S3ContentBackend implements ContentBackend, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3ContentBackend.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String DAG_SIZE = "dag-size";
  private static final int PARALLEL_PUTS = 16;

  private final S3Client s3;
  private final String bucket;

  S3ContentBackend(S3Client s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  static S3ContentBackend create(ContentProperties.S3 settings) {
    if (settings.bucket() == null || settings.bucket().isBlank()) {
      throw new IllegalStateException("nft.content.s3.bucket is required when nft.content.backend=s3");
    }
    log.info("content is stored in S3: {}", settings);
    S3ClientBuilder builder = S3Client.builder()
        .region(Region.of(settings.region()))
        .forcePathStyle(settings.pathStyle())
        .credentialsProvider(credentials(settings))
        .httpClientBuilder(Apache5HttpClient.builder()
            .connectionTimeout(Duration.ofSeconds(10))
            .socketTimeout(Duration.ofSeconds(60)))
        // S3-compatible services differ in which of the newer default checksums they accept
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return new S3ContentBackend(builder.build(), settings.bucket());
  }

  private static AwsCredentialsProvider credentials(ContentProperties.S3 settings) {
    if (settings.accessKey() == null && settings.secretKey() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    if (settings.accessKey() == null || settings.secretKey() == null) {
      throw new IllegalStateException("nft.content.s3.access-key and .secret-key go together");
    }
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
  }

  @Override
  public Optional<FileRecord> file(Cid cid) {
    try {
      HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(fileKey(cid)));
      long size = head.contentLength();
      long dagSize = Long.parseLong(head.metadata().getOrDefault(DAG_SIZE, Long.toString(size)));
      String mediaType = Objects.requireNonNullElse(head.contentType(), "application/octet-stream");
      return Optional.of(new FileRecord(cid, size, mediaType, dagSize));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Objects are written in parallel (a drop is hundreds of small PUTs), at most {@value #PARALLEL_PUTS} at a time. */
  @Override
  public void putFiles(List<PendingFile> files) {
    Semaphore slots = new Semaphore(PARALLEL_PUTS);
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> puts = new ArrayList<>();
      for (PendingFile file : files) {
        slots.acquireUninterruptibly();
        puts.add(executor.submit(() -> {
          try {
            putFile(file.record(), file.bytes());
          } finally {
            slots.release();
          }
        }));
      }
      for (Future<?> put : puts) {
        put.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while storing content", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException("cannot store content", e.getCause());
    }
  }

  private void putFile(FileRecord record, byte[] bytes) {
    if (file(record.cid()).isPresent()) {
      return;
    }
    s3.putObject(b -> b.bucket(bucket).key(fileKey(record.cid()))
            .contentType(record.mediaType())
            .metadata(Map.of(DAG_SIZE, Long.toString(record.dagSize()))),
        RequestBody.fromBytes(bytes));
  }

  @Override
  public InputStream openRange(Cid cid, long first, long last) {
    return s3.getObject(b -> b.bucket(bucket).key(fileKey(cid)).range("bytes=" + first + "-" + last),
        ResponseTransformer.toInputStream());
  }

  @Override
  public Optional<DirectoryRecord> directory(Cid cid) {
    try {
      byte[] json = s3.getObject(b -> b.bucket(bucket).key(directoryKey(cid)), ResponseTransformer.toBytes()).asByteArray();
      return Optional.of(JSON.readValue(json, DirectoryRecord.class));
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void putDirectory(DirectoryRecord record) {
    s3.putObject(b -> b.bucket(bucket).key(directoryKey(record.cid())).contentType("application/json"),
        RequestBody.fromBytes(JSON.writeValueAsBytes(record)));
  }

  @Override
  public void close() {
    s3.close();
  }

  private static String fileKey(Cid cid) {
    return "files/" + cid.value();
  }

  private static String directoryKey(Cid cid) {
    return "directories/" + cid.value() + ".json";
  }
}
