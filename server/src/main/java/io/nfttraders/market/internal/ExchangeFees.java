package io.nfttraders.market.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Brings the exchange's fee, fee recipient and royalty cap in line with {@code nft.market.*} when the server starts. */
@Component
class ExchangeFees {

  private static final Logger log = LoggerFactory.getLogger(ExchangeFees.class);

  private final ChainClient chain;
  private final TransactionManager transactions;
  private final CustodialWallets wallets;
  private final MarketProperties properties;
  private final Address exchange;

  ExchangeFees(ChainClient chain, TransactionManager transactions, CustodialWallets wallets, MarketProperties properties, DeployedContracts contracts) {
    this.chain = chain;
    this.transactions = transactions;
    this.wallets = wallets;
    this.properties = properties;
    this.exchange = contracts.exchange();
  }

  @EventListener(ApplicationReadyEvent.class)
  void reconcile() {
    Wallet platform = wallets.platformWallet();
    Address recipient = properties.feeRecipient() == null ? platform.address() : Inputs.address("nft.market.fee-recipient", properties.feeRecipient());
    int feeBps = read("feeBps").intValueExact();
    int maxRoyaltyBps = read("maxRoyaltyBps").intValueExact();
    Address currentRecipient = Address.fromWord(chain.call(exchange, ExchangeCalls.getter("feeRecipient")));
    if (feeBps == properties.feeBps() && maxRoyaltyBps == properties.maxRoyaltyBps() && currentRecipient.equals(recipient)) {
      return;
    }
    transactions.enqueue(new TransactionIntent("SET_EXCHANGE_FEES", platform.id(), exchange, BigInteger.ZERO,
        ExchangeCalls.setFees(recipient, properties.feeBps(), properties.maxRoyaltyBps()), BigInteger.valueOf(100_000), Optional.empty(),
        "configure exchange fees", Optional.empty()));
    log.info("exchange fees differ from configuration; sending setFees feeBps={}->{} maxRoyaltyBps={}->{} recipient={}->{}", feeBps,
        properties.feeBps(), maxRoyaltyBps, properties.maxRoyaltyBps(), currentRecipient, recipient);
  }

  private BigInteger read(String getter) {
    return chain.callUint256(exchange, ExchangeCalls.getter(getter));
  }
}
