package io.nfttraders.content.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.content.ContentStore;
import io.nfttraders.content.ImageValidation;
import io.nfttraders.platform.DataDirectory;
import io.nfttraders.support.MarketplaceTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketplaceTest
@ExtendWith(OutputCaptureExtension.class)
class ContentConfigurationTest {

  @TempDir Path dataDirectory;
  @Autowired JdbcClient jdbc;

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ContentProperties.class)
  static class Properties {}

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withUserConfiguration(Properties.class, ContentConfiguration.class)
        .withBean(DataDirectory.class, () -> new DataDirectory(dataDirectory))
        .withBean(JdbcClient.class, () -> jdbc)
        .withBean(Clock.class, Clock::systemUTC);
  }

  @Test
  void storesInTheDataDirectoryByDefault() {
    runner().run(context -> {
      assertThat(context).hasSingleBean(ContentStore.class);
      assertThat(context.getBean(ContentBackend.class)).isInstanceOf(LocalContentBackend.class);
      assertThat(context.getBean(ImageValidation.class).maxImageBytes()).isEqualTo(10L * 1024 * 1024);
      assertThat(dataDirectory.resolve("content")).isDirectory();
    });
  }

  @Test
  void readsTheImageSizeLimit() {
    runner().withPropertyValues("nft.content.max-image-bytes=5MB")
        .run(context -> assertThat(context.getBean(ImageValidation.class).maxImageBytes()).isEqualTo(5L * 1024 * 1024));
    runner().withPropertyValues("nft.content.max-image-bytes=5000")
        .run(context -> assertThat(context.getBean(ImageValidation.class).maxImageBytes()).isEqualTo(5000));
  }

  @Test
  void usesAnS3BucketWithoutEverShowingTheSecret(CapturedOutput output) {
    runner().withPropertyValues(
            "nft.content.backend=s3",
            "nft.content.s3.bucket=nft-content",
            "nft.content.s3.endpoint=http://127.0.0.1:9000",
            "nft.content.s3.region=eu-central-1",
            "nft.content.s3.access-key=AKIA-TEST",
            "nft.content.s3.secret-key=s3cr3t-never-logged",
            "nft.content.s3.path-style=true")
        .run(context -> {
          assertThat(context.getBean(ContentBackend.class)).isInstanceOf(S3ContentBackend.class);
          ContentProperties properties = context.getBean(ContentProperties.class);
          assertThat(properties.s3().pathStyle()).isTrue();
          assertThat(properties.toString()).doesNotContain("s3cr3t-never-logged");
        });
    assertThat(output).contains("content is stored in S3").contains("bucket=nft-content").doesNotContain("s3cr3t-never-logged");
  }

  @Test
  void hidesCredentialsInTheEndpointToo() {
    ContentProperties.S3 s3 = new ContentProperties.S3(
        "b", URI.create("https://user:pa55@minio.example:9000"), "us-east-1", null, null, true);
    assertThat(s3.toString()).contains("https://***@minio.example:9000").doesNotContain("pa55");
  }

  @Test
  void refusesToStartOnS3WithoutABucket() {
    runner().withPropertyValues("nft.content.backend=s3")
        .run(context -> assertThat(context).hasFailed()
            .getFailure().rootCause().hasMessageContaining("nft.content.s3.bucket is required"));
    runner().withPropertyValues("nft.content.backend=s3", "nft.content.s3.bucket=b", "nft.content.s3.access-key=only-half")
        .run(context -> assertThat(context).hasFailed()
            .getFailure().rootCause().hasMessageContaining("go together"));
  }
}
