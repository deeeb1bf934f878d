package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.SignableContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.signer.Signer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class ChainBeans {

  /**
   * Built during start-up, so the server is not ready before its contracts exist. A transaction-
   * scoped advisory lock makes a second instance starting on the same database wait and then
   * find the first one's deployment instead of deploying its own.
   */
  @Bean
  SignableContracts signableContracts(Signer signer) {
    return new SignableContracts(signer);
  }

  @Bean
  DeployedContracts deployedContracts(ChainClient chain, ChainProperties properties, Signer signer, SignableContracts signable, CustodialWallets wallets,
      JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    ContractDeployer deployer = new ContractDeployer(chain, properties, signer, signable, wallets, jdbc);
    return new TransactionTemplate(transactionManager).execute(s -> {
      jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext('nft-traders/contract-deployment'))").query(Integer.class).single();
      return deployer.ensureDeployed();
    });
  }
}
