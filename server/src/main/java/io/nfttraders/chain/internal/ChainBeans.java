package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.signer.Signer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class ChainBeans {

  /** Built during start-up, so the server is not ready before its contracts exist. */
  @Bean
  DeployedContracts deployedContracts(ChainClient chain, ChainProperties properties, Signer signer, CustodialWallets wallets, JdbcClient jdbc) {
    return new ContractDeployer(chain, properties, signer, wallets, jdbc).ensureDeployed();
  }
}
