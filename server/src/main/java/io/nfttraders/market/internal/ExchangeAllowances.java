package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.NftCollection;
import io.nfttraders.chain.Weth;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange may only move what its owner approved. For custodial wallets we send that approval
 * once per token contract (setApprovalForAll for a collection, an unlimited approve for WETH) and
 * let later transactions depend on it; a failed approval is sent again on the next need.
 */
@Component
class ExchangeAllowances {

  private static final BigInteger APPROVAL_GAS = BigInteger.valueOf(100_000);

  private final JdbcClient jdbc;
  private final TransactionManager transactions;
  private final long chainId;
  private final Address exchange;
  private final Weth weth;

  ExchangeAllowances(JdbcClient jdbc, TransactionManager transactions, DeployedContracts contracts) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.chainId = contracts.chainId().value();
    this.exchange = contracts.exchange();
    this.weth = contracts.weth();
  }

  /** What the chain (as indexed) last said of the owner's approval of the exchange for the whole collection. */
  Optional<Boolean> collectionApproval(String collection, String owner) {
    return jdbc.sql("""
            select approved from exchange_approvals where chain_id = :chain and collection = :collection and owner = :owner
            order by block_number desc, log_index desc limit 1
            """)
        .param("chain", chainId).param("collection", collection).param("owner", owner)
        .query(Boolean.class).optional();
  }

  /** The approval transaction still to be mined, sending one if needed; empty when already approved on-chain. */
  Optional<TransactionId> ensureCollection(Wallet wallet, String collection) {
    Optional<Boolean> approval = collectionApproval(collection, wallet.address().hex());
    if (approval.orElse(false)) {
      return Optional.empty();
    }
    // indexed as revoked: an earlier approval of ours no longer counts
    boolean revoked = approval.isPresent();
    NftCollection contract = new NftCollection(Address.of(collection));
    return Optional.of(ensure(wallet, contract.address(), contract.setApprovalForAll(exchange, true), "APPROVE_EXCHANGE", "let the exchange move this wallet's NFTs",
        revoked));
  }

  /** @param allowance as just read from the chain, so a confirmed approval below {@code needed} was spent or revoked */
  Optional<TransactionId> ensureWeth(Wallet wallet, BigInteger allowance, BigInteger needed) {
    if (allowance.compareTo(needed) >= 0) {
      return Optional.empty();
    }
    return Optional.of(ensure(wallet, weth.address(), weth.approve(exchange, Wei.MAX), "APPROVE_WETH",
        "let the exchange spend this wallet's WETH", true));
  }

  private TransactionId ensure(Wallet wallet, Address token, byte[] call, String kind, String reason, boolean confirmedOnesAreUsedUp) {
    String owner = wallet.address().hex();
    Optional<TransactionId> pending = jdbc.sql("""
            select r.transaction_id from exchange_allowance_requests r join chain_transactions t on t.id = r.transaction_id
            where r.chain_id = :chain and r.token = :token and r.owner = :owner and t.status <> 'FAILED'
              and (t.status <> 'CONFIRMED' or not :usedUp)
            """)
        .param("chain", chainId).param("token", token.hex()).param("owner", owner).param("usedUp", confirmedOnesAreUsedUp)
        .query(java.util.UUID.class).optional().map(TransactionId::new);
    if (pending.isPresent()) {
      return pending.get();
    }
    TransactionId id = transactions.enqueue(new TransactionIntent(kind, wallet.id(), token, BigInteger.ZERO, call, APPROVAL_GAS, wallet.owner(), reason,
        Optional.empty()));
    jdbc.sql("""
            insert into exchange_allowance_requests (chain_id, token, owner, transaction_id) values (:chain, :token, :owner, :tx)
            on conflict (chain_id, token, owner) do update set transaction_id = excluded.transaction_id
            """)
        .param("chain", chainId).param("token", token.hex()).param("owner", owner).param("tx", id.value()).update();
    return id;
  }
}
