package io.nfttraders.platform.internal;

import io.nfttraders.platform.DataDirectory;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

  @Bean
  DataDirectory dataDirectory(@Value("${nft.data-dir:data}") String root) {
    // a String, not a Path: Spring would resolve a relative Path against the servlet context
    return new DataDirectory(Path.of(root));
  }
}
