package io.nfttraders.indexer.internal;

import io.nfttraders.ethereum.TokenStandard;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Appends transfers to {@code nft_transfers} and reduces them into {@code nft_tokens} (ERC-721 owners)
 * and, through {@link Erc1155Holdings}, ERC-1155 balances: forward for new blocks, and from scratch
 * for tokens touched by a rolled-back range.
 */
@Component
class TransferLog {

  /** Rows per statement: big enough that per-statement costs vanish, small enough to keep each array modest. */
  private static final int CHUNK = 5000;

  private static final String COPY_TRANSFERS = """
      copy nft_transfers (chain_id, contract, token_id, from_address, to_address, block_number, block_hash, log_index, sub_index, tx_hash, amount)
      from stdin
      """;

  private final JdbcTemplate jdbcTemplate;
  private final JdbcClient jdbc;
  private final Erc1155Holdings erc1155;

  TransferLog(JdbcTemplate jdbcTemplate, JdbcClient jdbc, Erc1155Holdings erc1155) {
    this.jdbcTemplate = jdbcTemplate;
    this.jdbc = jdbc;
    this.erc1155 = erc1155;
  }

  /** Transfers must be in chain order (block, log index, position in range). */
  void append(long chainId, List<Transfer> transfers) {
    for (int i = 0; i < transfers.size(); i += CHUNK) {
      insertTransfers(chainId, transfers.subList(i, Math.min(transfers.size(), i + CHUNK)));
    }
    reduceForward(chainId, transfers.stream().filter(t -> t.standard() == TokenStandard.ERC721).toList());
    erc1155.apply(chainId, transfers.stream().filter(t -> t.standard() == TokenStandard.ERC1155).toList());
  }

  /**
   * One COPY per chunk: during a backfill this write is most of the indexer's database time, and
   * COPY is PostgreSQL's cheapest way in. Plain COPY has no ON CONFLICT, and needs none: a range's
   * logs are unique and are written in the same transaction as the cursor that moves past them, so
   * no transfer is ever written twice. Every value is a number or lowercase hex: nothing to escape.
   */
  private void insertTransfers(long chainId, List<Transfer> chunk) {
    StringBuilder rows = new StringBuilder(chunk.size() * 330);
    for (Transfer t : chunk) {
      rows.append(chainId).append('\t').append(t.contract()).append('\t').append(t.tokenId()).append('\t').append(t.from()).append('\t')
          .append(t.to()).append('\t').append(t.blockNumber()).append('\t').append(t.blockHash()).append('\t').append(t.logIndex()).append('\t')
          .append(t.subIndex()).append('\t').append(t.transactionHash()).append('\t').append(t.amount()).append('\n');
    }
    jdbcTemplate.execute((ConnectionCallback<Long>) connection -> {
      try {
        return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_TRANSFERS, new StringReader(rows.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e); // reading a string does not fail
      }
    });
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
    List<Map.Entry<String, Transfer>> tokens = new ArrayList<>(last.entrySet());
    for (int i = 0; i < tokens.size(); i += CHUNK) {
      upsertTokens(chainId, tokens.subList(i, Math.min(tokens.size(), i + CHUNK)), mints);
    }
  }

  /** Each token at most once per statement (ON CONFLICT DO UPDATE may not touch a row twice); same array technique as above. */
  private void upsertTokens(long chainId, List<Map.Entry<String, Transfer>> chunk, Map<String, Transfer> mints) {
    int n = chunk.size();
    String[] contracts = new String[n];
    BigDecimal[] tokenIds = new BigDecimal[n];
    String[] owners = new String[n];
    String[] mintTxHashes = new String[n];
    Long[] mintBlocks = new Long[n];
    Boolean[] burned = new Boolean[n];
    for (int i = 0; i < n; i++) {
      Transfer t = chunk.get(i).getValue();
      Transfer mint = mints.getOrDefault(chunk.get(i).getKey(), t);
      contracts[i] = t.contract();
      tokenIds[i] = new BigDecimal(t.tokenId());
      owners[i] = t.isBurn() ? null : t.to();
      mintTxHashes[i] = mint.transactionHash();
      mintBlocks[i] = mint.blockNumber();
      burned[i] = t.isBurn();
    }
    jdbcTemplate.update("""
            insert into nft_tokens (chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned)
            select ?, * from unnest(?::text[], ?::numeric[], ?::text[], ?::text[], ?::bigint[], ?::boolean[])
            on conflict (chain_id, contract, token_id) do update set owner = excluded.owner, burned = excluded.burned
            """, ps -> {
          ps.setLong(1, chainId);
          Connection c = ps.getConnection();
          ps.setArray(2, c.createArrayOf("text", contracts));
          ps.setArray(3, c.createArrayOf("numeric", tokenIds));
          ps.setArray(4, c.createArrayOf("text", owners));
          ps.setArray(5, c.createArrayOf("text", mintTxHashes));
          ps.setArray(6, c.createArrayOf("bigint", mintBlocks));
          ps.setArray(7, c.createArrayOf("bool", burned));
        });
  }

  /** Deletes everything above {@code ancestor} and recomputes the tokens it touched from the remaining log. */
  void rollBackAbove(long chainId, long ancestor) {
    List<Object[]> touched = jdbc.sql("""
            select distinct t.contract, t.token_id, coalesce(k.standard, 'ERC721') from nft_transfers t
            left join nft_tokens k on k.chain_id = t.chain_id and k.contract = t.contract and k.token_id = t.token_id
            where t.chain_id = :chain and t.block_number > :ancestor
            """)
        .param("chain", chainId)
        .param("ancestor", ancestor)
        .query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2), TokenStandard.valueOf(rs.getString(3))})
        .list();
    jdbc.sql("delete from nft_transfers where chain_id = :chain and block_number > :ancestor").param("chain", chainId).param("ancestor", ancestor).update();
    for (Object[] token : touched) {
      String contract = (String) token[0];
      BigInteger tokenId = ((BigDecimal) token[1]).toBigIntegerExact();
      if (token[2] == TokenStandard.ERC1155) {
        erc1155.recompute(chainId, contract, tokenId);
      } else {
        recompute(chainId, contract, tokenId);
      }
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
            join (select * from nft_transfers where chain_id = :chain and contract = :contract and token_id = :token
                  order by from_address = :zero desc, block_number, log_index, sub_index limit 1) m on true
            """)
        .param("zero", Transfer.ZERO).param("chain", chainId).param("contract", contract).param("token", tokenId).update();
  }
}
