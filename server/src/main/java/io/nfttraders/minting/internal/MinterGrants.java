package io.nfttraders.minting.internal;

import io.nfttraders.chain.NftCollection;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** In user-signed mode a wallet may mint once the platform has granted it MINTER_ROLE; this grant is requested once per wallet. */
@Component
class MinterGrants {

  private final JdbcClient jdbc;
  private final TransactionManager transactions;

  MinterGrants(JdbcClient jdbc, TransactionManager transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** The grant transaction the wallet's mints must wait for. Runs in the caller's transaction. */
  TransactionId ensure(ChainId chain, NftCollection collection, Address minter, UUID user) {
    long chainId = chain.value();
    String contract = collection.address().hex();
    String wallet = minter.checksummed();
    // Two first mints of one user at once must not request two grants.
    jdbc.sql("select 1 from pg_advisory_xact_lock(hashtext(:key))").param("key", chainId + contract + wallet).query(Integer.class).single();
    Optional<UUID> existing = jdbc.sql("select transaction_id from minter_grants where chain_id = :chain and contract = :contract and wallet_address = :wallet")
        .param("chain", chainId).param("contract", contract).param("wallet", wallet).query(UUID.class).optional();
    // A grant that failed is requested again; otherwise every later mint of the wallet would fail with it.
    boolean usable = existing.flatMap(id -> transactions.find(new TransactionId(id)))
        .map(tx -> tx.status() != TransactionStatus.FAILED)
        .orElse(false);
    if (usable) {
      return new TransactionId(existing.get());
    }
    TransactionId grant = transactions.enqueue(chain, new TransactionIntent("GRANT_MINTER", PlatformWallet.ID, collection.address(), BigInteger.ZERO,
        collection.grantMinterRole(minter), CollectionGas.GRANT_ROLE, Optional.of(user), "let wallet " + wallet + " mint", Optional.empty()));
    jdbc.sql("""
            insert into minter_grants (chain_id, contract, wallet_address, transaction_id) values (:chain, :contract, :wallet, :tx)
            on conflict (chain_id, contract, wallet_address) do update set transaction_id = excluded.transaction_id
            """)
        .param("chain", chainId).param("contract", contract).param("wallet", wallet).param("tx", grant.value()).update();
    return grant;
  }
}
