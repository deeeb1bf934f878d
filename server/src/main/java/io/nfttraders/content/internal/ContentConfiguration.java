package io.nfttraders.content.internal;

import io.nfttraders.content.ContentStore;
import io.nfttraders.content.ImageValidation;
import io.nfttraders.platform.DataDirectory;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ContentConfiguration {

  /** An S3 back end's client is closed with the context (inferred {@code close()}). */
  @Bean
  ContentBackend contentBackend(ContentProperties properties, DataDirectory dataDirectory, JdbcClient jdbc, Clock clock) {
    return switch (properties.backend()) {
      case LOCAL -> new LocalContentBackend(dataDirectory.resolve("content"), jdbc, clock);
      case S3 -> S3ContentBackend.create(properties.s3());
    };
  }

  @Bean
  ContentStore contentStore(ContentBackend backend) {
    return new UnixFsContentStore(backend);
  }

  @Bean
  ImageValidation imageValidation(ContentProperties properties) {
    return new ImageValidation(properties.maxImageBytes().toBytes(), properties.maxImagePixels());
  }
}
