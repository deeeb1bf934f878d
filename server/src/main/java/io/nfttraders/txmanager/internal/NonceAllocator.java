package io.nfttraders.txmanager.internal;

import io.nfttraders.chain.ChainClient;
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
  private final ChainClient chain;

  NonceAllocator(JdbcClient jdbc, ChainClient chain) {
    this.jdbc = jdbc;
    this.chain = chain;
  }

  long allocate(long chainId, String address) {
    Optional<Long> next = take(chainId, address);
    if (next.isPresent()) {
      return next.get();
    }
    // First transaction of this sender: start where the chain says it is.
    jdbc.sql("insert into wallet_nonces (chain_id, address, next_nonce) values (:chain, :address, :nonce) on conflict do nothing")
        .param("chain", chainId)
        .param("address", address)
        .param("nonce", chain.pendingNonce(address).longValueExact())
        .update();
    return take(chainId, address).orElseThrow();
  }

  /** After a foreign transaction used our next nonce: never go below what the chain has seen. */
  void catchUp(long chainId, String address) {
    jdbc.sql("update wallet_nonces set next_nonce = greatest(next_nonce, :pending) where chain_id = :chain and address = :address")
        .param("pending", chain.pendingNonce(address).longValueExact())
        .param("chain", chainId)
        .param("address", address)
        .update();
  }

  private Optional<Long> take(long chainId, String address) {
    return jdbc.sql("update wallet_nonces set next_nonce = next_nonce + 1 where chain_id = :chain and address = :address returning next_nonce - 1")
        .param("chain", chainId)
        .param("address", address)
        .query(Long.class)
        .optional();
  }
}
