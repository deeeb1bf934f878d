package io.nfttraders.indexer.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ERC-1155 tokens and their copies per holder, reduced from the transfer log: {@code nft_tokens}
 * gets one row per token (no owner: its holders are in {@code nft_balances}), and every transfer
 * moves its amount from one holder's balance to another's. A balance that reaches zero is removed.
 */
@Component
class Erc1155Holdings {

  private record Holding(String contract, BigInteger tokenId, String holder) {}

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;

  Erc1155Holdings(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
  }

  /** Transfers in chain order, all ERC-1155. */
  void apply(long chainId, List<Transfer> transfers) {
    if (transfers.isEmpty()) {
      return;
    }
    Map<String, Transfer> firstSeen = new LinkedHashMap<>();
    Map<Holding, BigInteger> deltas = new LinkedHashMap<>();
    for (Transfer t : transfers) {
      firstSeen.merge(t.contract() + ":" + t.tokenId(), t, (seen, next) -> !seen.isMint() && next.isMint() ? next : seen);
      if (!t.isMint()) {
        deltas.merge(new Holding(t.contract(), t.tokenId(), t.from()), t.amount().negate(), BigInteger::add);
      }
      if (!t.isBurn()) {
        deltas.merge(new Holding(t.contract(), t.tokenId(), t.to()), t.amount(), BigInteger::add);
      }
    }
    insertTokens(chainId, List.copyOf(firstSeen.values()));
    addToBalances(chainId, deltas);
  }

  /** The token's row and balances from what is left of its log (after a reorganisation). */
  void recompute(long chainId, String contract, BigInteger tokenId) {
    jdbc.sql("delete from nft_balances where chain_id = :chain and contract = :contract and token_id = :token")
        .param("chain", chainId).param("contract", contract).param("token", tokenId).update();
    jdbc.sql("delete from nft_tokens where chain_id = :chain and contract = :contract and token_id = :token")
        .param("chain", chainId).param("contract", contract).param("token", tokenId).update();
    jdbc.sql("""
            insert into nft_tokens (chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned, standard)
            select chain_id, contract, token_id, null, tx_hash, block_number, false, 'ERC1155' from nft_transfers
            where chain_id = :chain and contract = :contract and token_id = :token
            order by from_address = :zero desc, block_number, log_index, sub_index limit 1
            """)
        .param("zero", Transfer.ZERO).param("chain", chainId).param("contract", contract).param("token", tokenId).update();
    jdbc.sql("""
            insert into nft_balances (chain_id, contract, token_id, holder, balance)
            select :chain, :contract, :token, holder, sum(delta) from (
              select to_address as holder, amount as delta from nft_transfers
              where chain_id = :chain and contract = :contract and token_id = :token and to_address <> :zero
              union all
              select from_address, -amount from nft_transfers
              where chain_id = :chain and contract = :contract and token_id = :token and from_address <> :zero) moves
            group by holder having sum(delta) > 0
            """)
        .param("zero", Transfer.ZERO).param("chain", chainId).param("contract", contract).param("token", tokenId).update();
  }

  private void insertTokens(long chainId, List<Transfer> firsts) {
    jdbcTemplate.update("""
            insert into nft_tokens (chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned, standard)
            select ?, contract, token_id, null, tx_hash, block, false, 'ERC1155'
            from unnest(?::text[], ?::numeric[], ?::text[], ?::bigint[]) as t(contract, token_id, tx_hash, block)
            on conflict (chain_id, contract, token_id) do nothing
            """, ps -> {
          Connection c = ps.getConnection();
          ps.setLong(1, chainId);
          ps.setArray(2, c.createArrayOf("text", firsts.stream().map(Transfer::contract).toArray()));
          ps.setArray(3, c.createArrayOf("numeric", firsts.stream().map(t -> new BigDecimal(t.tokenId())).toArray()));
          ps.setArray(4, c.createArrayOf("text", firsts.stream().map(Transfer::transactionHash).toArray()));
          ps.setArray(5, c.createArrayOf("bigint", firsts.stream().map(Transfer::blockNumber).toArray()));
        });
  }

  /** Each holding once per statement; zero balances are then removed. */
  private void addToBalances(long chainId, Map<Holding, BigInteger> deltas) {
    List<Map.Entry<Holding, BigInteger>> rows = new ArrayList<>(deltas.entrySet());
    jdbcTemplate.update("""
            insert into nft_balances (chain_id, contract, token_id, holder, balance)
            select ?, * from unnest(?::text[], ?::numeric[], ?::text[], ?::numeric[])
            on conflict (chain_id, contract, token_id, holder) do update set balance = nft_balances.balance + excluded.balance
            """, ps -> {
          Connection c = ps.getConnection();
          ps.setLong(1, chainId);
          ps.setArray(2, c.createArrayOf("text", rows.stream().map(e -> e.getKey().contract()).toArray()));
          ps.setArray(3, c.createArrayOf("numeric", rows.stream().map(e -> new BigDecimal(e.getKey().tokenId())).toArray()));
          ps.setArray(4, c.createArrayOf("text", rows.stream().map(e -> e.getKey().holder()).toArray()));
          ps.setArray(5, c.createArrayOf("numeric", rows.stream().map(e -> new BigDecimal(e.getValue())).toArray()));
        });
    jdbcTemplate.update("""
            delete from nft_balances b using unnest(?::text[], ?::numeric[], ?::text[]) as k(contract, token_id, holder)
            where b.chain_id = ? and b.contract = k.contract and b.token_id = k.token_id and b.holder = k.holder and b.balance <= 0
            """, ps -> {
          Connection c = ps.getConnection();
          ps.setArray(1, c.createArrayOf("text", rows.stream().map(e -> e.getKey().contract()).toArray()));
          ps.setArray(2, c.createArrayOf("numeric", rows.stream().map(e -> new BigDecimal(e.getKey().tokenId())).toArray()));
          ps.setArray(3, c.createArrayOf("text", rows.stream().map(e -> e.getKey().holder()).toArray()));
          ps.setLong(4, chainId);
        });
  }
}
