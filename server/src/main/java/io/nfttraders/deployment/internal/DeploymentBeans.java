package io.nfttraders.deployment.internal;

import io.nfttraders.chain.ChainContracts;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.SignableContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.signer.Signer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class DeploymentBeans {

  /**
   * Built during start-up, so the server is not ready before its contracts exist on every chain. A
   * transaction-scoped advisory lock per chain makes a second instance starting on the same
   * database wait and then find the first one's deployment instead of deploying its own.
   */
  @Bean
  ChainContracts chainContracts(Chains chains, Signer signer, SignableContracts signable, CustodialWallets wallets, JdbcClient jdbc,
      PlatformTransactionManager transactionManager) {
    TransactionTemplate transactions = new TransactionTemplate(transactionManager);
    List<DeployedContracts> deployed = new ArrayList<>();
    for (Chains.Chain chain : chains.all()) {
      deployed.add(Objects.requireNonNull(transactions.execute(s -> {
        jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(:lock))").param("lock", "nft-traders/contract-deployment/" + chain.properties().id())
            .query(Integer.class).single();
        return new ContractDeployer(chain, signer, signable, wallets, jdbc).ensureDeployed();
      })));
    }
    return new ChainContracts(deployed);
  }

  /** The default chain's, for the work that does not name its chain yet. */
  @Bean
  DeployedContracts deployedContracts(ChainContracts contracts, Chains chains) {
    return contracts.find(chains.defaultChain().id()).orElseThrow();
  }
}
