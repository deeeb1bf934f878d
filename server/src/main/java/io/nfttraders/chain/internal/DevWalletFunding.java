package io.nfttraders.chain.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainProperties;
import io.nfttraders.custody.WalletOpened;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Dev-chain convenience: a new custodial wallet receives ETH from an anvil dev account so it can
 * pay gas. Never on a configured external chain. The event publication registry retries this
 * after a crash, and a second delivery only tops up a dev wallet, which is harmless.
 */
@Component
class DevWalletFunding {

  private static final Logger log = LoggerFactory.getLogger(DevWalletFunding.class);

  private final ChainClient chain;
  private final ChainProperties properties;

  DevWalletFunding(ChainClient chain, ChainProperties properties) {
    this.chain = chain;
    this.properties = properties;
  }

  @ApplicationModuleListener
  void on(WalletOpened opened) {
    if (!properties.isEmbedded()) {
      return;
    }
    String hash = chain.sendFromUnlockedAccount(properties.embedded().devAccount(), opened.address(), properties.embedded().walletFundingWei());
    log.info("dev chain funded wallet address={} walletIndex={} tx={}", opened.address(), opened.walletIndex(), hash);
  }
}
