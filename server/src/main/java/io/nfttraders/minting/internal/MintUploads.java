package io.nfttraders.minting.internal;

import io.nfttraders.platform.UploadEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The mint routes are the only ones that take uploads (see MintController). */
@Configuration(proxyBeanMethods = false)
class MintUploads {

  @Bean
  UploadEndpoint singleMintUpload() {
    return new UploadEndpoint("/api/v1/nfts");
  }

  @Bean
  UploadEndpoint lazyMintUpload() {
    return new UploadEndpoint("/api/v1/lazy-mints");
  }

  @Bean
  UploadEndpoint dropUpload() {
    return new UploadEndpoint("/api/v1/nfts/batch");
  }
}
