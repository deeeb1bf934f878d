package io.nfttraders.indexer.internal;

import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends transfers to {@code nft_transfers} and reduces them into {@code nft_tokens}: forward
 * for new blocks, and from scratch for tokens touched by a rolled-back range.
 */
@Component
class TransferLog {

  private static final int BATCH = 1000;

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;

  TransferLog(JdbcTemplate jdbcTemplate, JdbcClient jdbc) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
  }

  /** Transfers must be in chain order (block, log index, position in range). */
  void append(long chainId, List<Transfer> transfers) {
    for (int i = 0; i < transfers.size(); i += BATCH) {
      List<Transfer> chunk = transfers.subList(i, Math.min(transfers.size(), i + BATCH));
      jdbcTemplate.batchUpdate("""
              insert into nft_transfers (chain_id, contract, token_id, from_address, to_address, block_number, block_hash, log_index, sub_index, tx_hash)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
              """, chunk, chunk.size(), (ps, t) -> bindTransfer(ps, chainId, t));
    }
    reduceForward(chainId, transfers);
  }

  /** The last transfer of each token in this batch decides its owner; a mint in the batch creates the row. */
  private void reduceForward(long chainId, List<Transfer> transfers) {
    Map<String, Transfer> last = new LinkedHashMap<>();
    Map<String, Transfer> mints = new LinkedHashMap<>();
    for (Transfer t : transfers) {
      String key = t.contract() + ":" + t.tokenId();
      last.put(key, t);
      if (t.isMint()) {
        mints.putIfAbsent(key, t);
      }
    }
    List<Object[]> upserts = new ArrayList<>(last.size());
    for (Map.Entry<String, Transfer> e : last.entrySet()) {
      Transfer t = e.getValue();
      Transfer mint = mints.getOrDefault(e.getKey(), t);
      upserts.add(new Object[] {chainId, t.contract(), new java.math.BigDecimal(t.tokenId()), t.isBurn() ? null : t.to(), mint.transactionHash(),
          mint.blockNumber(), t.isBurn()});
    }
    for (int i = 0; i < upserts.size(); i += BATCH) {
      jdbcTemplate.batchUpdate("""
              insert into nft_tokens (chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned) values (?, ?, ?, ?, ?, ?, ?)
              on conflict (chain_id, contract, token_id) do update set owner = excluded.owner, burned = excluded.burned
              """, upserts.subList(i, Math.min(upserts.size(), i + BATCH)));
    }
  }

  /** Deletes everything above {@code ancestor} and recomputes the tokens it touched from the remaining log. */
  void rollBackAbove(long chainId, long ancestor) {
    List<Object[]> touched = jdbc.sql("select distinct contract, token_id from nft_transfers where chain_id = :chain and block_number > :ancestor")
        .param("chain", chainId)
        .param("ancestor", ancestor)
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)})
        .list();
    jdbc.sql("delete from nft_transfers where chain_id = :chain and block_number > :ancestor").param("chain", chainId).param("ancestor", ancestor).update();
    for (Object[] token : touched) {
      recompute(chainId, (String) token[0], ((java.math.BigDecimal) token[1]).toBigIntegerExact());
    }
  }

  private void recompute(long chainId, String contract, BigInteger tokenId) {
    jdbc.sql("delete from nft_tokens where chain_id = :chain and contract = :contract and token_id = :token")
        .param("chain", chainId).param("contract", contract).param("token", tokenId).update();
    jdbc.sql("""
            insert into nft_tokens (chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned)
            select l.chain_id, l.contract, l.token_id, nullif(l.to_address, :zero), m.tx_hash, m.block_number, l.to_address = :zero
            from (select * from nft_transfers where chain_id = :chain and contract = :contract and token_id = :token
                  order by block_number desc, log_index desc, sub_index desc limit 1) l
            join (select * from nft_transfers where chain_id = :chain and contract = :contract and token_id = :token and from_address = :zero
                  order by block_number, log_index, sub_index limit 1) m on true
            """)
        .param("zero", Transfer.ZERO).param("chain", chainId).param("contract", contract).param("token", tokenId).update();
  }


  private static void bindTransfer(PreparedStatement ps, long chainId, Transfer t) throws SQLException {
    ps.setLong(1, chainId);
    ps.setString(2, t.contract());
    ps.setBigDecimal(3, new java.math.BigDecimal(t.tokenId()));
    ps.setString(4, t.from());
    ps.setString(5, t.to());
    ps.setLong(6, t.blockNumber());
    ps.setString(7, t.blockHash());
    ps.setInt(8, t.logIndex());
    ps.setInt(9, t.subIndex());
    ps.setString(10, t.transactionHash());
  }
}
