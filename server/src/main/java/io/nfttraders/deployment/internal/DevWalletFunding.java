package io.nfttraders.deployment.internal;

import io.nfttraders.chain.Chains;
import io.nfttraders.custody.WalletOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Dev-chain convenience: a new custodial wallet receives ETH from an anvil dev account on every
 * dev chain, so it can pay gas there. Never on a configured external chain. The event publication
 * registry retries this after a crash, and a second delivery only tops up a dev wallet, which is
 * harmless.
 */
@Component
class DevWalletFunding {

  private static final Logger log = LoggerFactory.getLogger(DevWalletFunding.class);

  private final Chains chains;

  DevWalletFunding(Chains chains) {
    this.chains = chains;
  }

  @ApplicationModuleListener
  void on(WalletOpened opened) {
    for (Chains.Chain chain : chains.all()) {
      if (chain.properties().isEmbedded()) {
        String hash = chain.client().sendFromUnlockedAccount(chain.properties().embedded().devAccount(), opened.address(),
            chain.properties().embedded().walletFundingWei());
        log.info("dev chain funded wallet chainId={} address={} walletIndex={} tx={}", chain.properties().id(), opened.address(), opened.walletIndex(), hash);
      }
    }
  }
}
