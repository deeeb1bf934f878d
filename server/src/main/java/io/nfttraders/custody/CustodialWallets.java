package io.nfttraders.custody;

import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.WalletId;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens and finds users' custodial wallets. Keys never leave the signer; we keep index and address. */
@Service
public class CustodialWallets {

  private static final Logger log = LoggerFactory.getLogger(CustodialWallets.class);

  private final JdbcClient jdbc;
  private final Signer signer;
  private final ApplicationEventPublisher events;

  CustodialWallets(JdbcClient jdbc, Signer signer, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.signer = signer;
    this.events = events;
  }

  /** Allocates the next derivation index for the user; joins the caller's transaction (sign-up). */
  @Transactional
  public Wallet openWallet(UUID userId) {
    long index = jdbc.sql("select nextval('wallet_index_seq')").query(Long.class).single();
    WalletId id = new WalletId(index);
    Address address = Address.of(signer.address(id));
    jdbc.sql("insert into wallets (wallet_index, user_id, address) values (:index, :user, :address)")
        .param("index", index)
        .param("user", userId)
        .param("address", address.checksummed())
        .update();
    events.publishEvent(new WalletOpened(userId, index, address));
    log.info("custodial wallet opened userId={} walletIndex={} address={}", userId, index, address);
    return new Wallet(id, address, Optional.of(userId));
  }

  public Optional<Wallet> walletOf(UUID userId) {
    return jdbc.sql("select wallet_index, address from wallets where user_id = :user")
        .param("user", userId)
        .query((rs, n) -> new Wallet(new WalletId(rs.getLong(1)), Address.of(rs.getString(2)), Optional.of(userId)))
        .optional();
  }

  public Wallet platformWallet() {
    return new Wallet(PlatformWallet.ID, Address.of(signer.address(PlatformWallet.ID)), Optional.empty());
  }
}
