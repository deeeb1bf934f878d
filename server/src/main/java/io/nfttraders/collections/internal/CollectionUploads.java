package io.nfttraders.collections.internal;

import io.nfttraders.platform.UploadEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** A collection is created with its image, as a multipart upload (see CollectionsController). */
@Configuration(proxyBeanMethods = false)
class CollectionUploads {

  @Bean
  UploadEndpoint collectionUpload() {
    return new UploadEndpoint("/api/v1/collections");
  }
}
