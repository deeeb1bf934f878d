package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Chains;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Address;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out each sender's nonces in order. Must run inside the transaction that stores the signed
 * transaction: the row lock on {@code wallet_nonces} is held until that commit, so a nonce is
 * either used by a stored transaction or never handed out.
 */
@Component
class NonceAllocator {

  private final JdbcClient jdbc;
  private final Chains chains;

  NonceAllocator(JdbcClient jdbc, Chains chains) {
    this.jdbc = jdbc;
    this.chains = chains;
  }

  /**
   * The sender's next nonce, with its row locked until the caller's transaction ends: the caller
   * signs with it and the following ones, then {@link #advanceTo} records how many it used. For
   * a batch of one sender's transactions: two statements instead of one per nonce.
   */
  long reserve(long chainId, String address) {
    Optional<Long> next = lockNext(chainId, address);
    if (next.isPresent()) {
      return next.get();
    }
    jdbc.sql("insert into wallet_nonces (chain_id, address, next_nonce) values (:chain, :address, :nonce) on conflict do nothing")
        .param("chain", chainId)
        .param("address", address)
        .param("nonce", node(chainId).pendingNonce(Address.of(address)).longValueExact())
        .update();
    return lockNext(chainId, address).orElseThrow();
  }

  /** After {@link #reserve}: the nonces below {@code next} are used. */
  void advanceTo(long chainId, String address, long next) {
    jdbc.sql("update wallet_nonces set next_nonce = :next where chain_id = :chain and address = :address and next_nonce <= :next")
        .param("next", next)
        .param("chain", chainId)
        .param("address", address)
        .update();
  }

  private Optional<Long> lockNext(long chainId, String address) {
    return jdbc.sql("select next_nonce from wallet_nonces where chain_id = :chain and address = :address for update")
        .param("chain", chainId)
        .param("address", address)
        .query(Long.class)
        .optional();
  }

  /** After a foreign transaction used our next nonce: never go below what the chain has seen. */
  void catchUp(long chainId, String address) {
    jdbc.sql("update wallet_nonces set next_nonce = greatest(next_nonce, :pending) where chain_id = :chain and address = :address")
        .param("pending", node(chainId).pendingNonce(Address.of(address)).longValueExact())
        .param("chain", chainId)
        .param("address", address)
        .update();
  }

  private ChainClient node(long chainId) {
    return chains.find(ChainId.of(chainId)).orElseThrow(() -> new IllegalStateException("no configured chain " + chainId)).client();
  }
}
