package io.nfttraders.chain.internal;

import io.nfttraders.chain.SignableContracts;
import io.nfttraders.signer.Signer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChainBeans {

  @Bean
  SignableContracts signableContracts(Signer signer) {
    return new SignableContracts(signer);
  }
}
