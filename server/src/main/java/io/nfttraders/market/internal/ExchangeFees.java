package io.nfttraders.market.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.web3j.utils.Numeric;

/** Brings the exchange's fee, fee recipient and royalty cap in line with {@code nft.market.*} when the server starts. */
@Component
class ExchangeFees {

  private static final Logger log = LoggerFactory.getLogger(ExchangeFees.class);

  private final ChainClient chain;
  private final TransactionManager transactions;
  private final CustodialWallets wallets;
  private final MarketProperties properties;
  private final String exchange;

  ExchangeFees(ChainClient chain, TransactionManager transactions, CustodialWallets wallets, MarketProperties properties, DeployedContracts contracts) {
    this.chain = chain;
    this.transactions = transactions;
    this.wallets = wallets;
    this.properties = properties;
    this.exchange = contracts.address("Exchange");
  }

  @EventListener(ApplicationReadyEvent.class)
  void reconcile() {
    Wallet platform = wallets.platformWallet();
    String recipient = properties.feeRecipient() == null ? platform.address().toLowerCase() : Inputs.address("nft.market.fee-recipient", properties.feeRecipient());
    int feeBps = read("feeBps").intValueExact();
    int maxRoyaltyBps = read("maxRoyaltyBps").intValueExact();
    String currentRecipient = Abi.addressWord(chain.call(exchange, Numeric.toHexString(ExchangeCalls.noArguments("feeRecipient"))), 0);
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
    return Numeric.toBigInt(chain.call(exchange, Numeric.toHexString(ExchangeCalls.noArguments(getter))));
  }
}
