package io.nfttraders.indexer;

import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads of what the indexer derived from the chain: owners and provenance. */
@Service
public class IndexedNfts {

  private final JdbcClient jdbc;

  IndexedNfts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<TokenView> token(long chainId, String contract, BigInteger tokenId) {
    return jdbc.sql("""
            select chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned from nft_tokens
            where chain_id = :chain and contract = :contract and token_id = :token
            """)
        .param("chain", chainId)
        .param("contract", contract.toLowerCase())
        .param("token", tokenId)
        .query(IndexedNfts::token)
        .optional();
  }

  public List<TokenView> mintedBy(String transactionHash) {
    return jdbc.sql("select chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned from nft_tokens where mint_tx_hash = :hash order by token_id")
        .param("hash", transactionHash.toLowerCase())
        .query(IndexedNfts::token)
        .list();
  }

  /** The tokens each of these transactions minted, in token id order, by lower-case transaction hash. */
  public Map<String, List<TokenView>> mintedBy(Collection<String> transactionHashes) {
    return jdbc.sql("select chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned from nft_tokens where mint_tx_hash = any(:hashes) order by token_id")
        .param("hashes", transactionHashes.stream().map(String::toLowerCase).toArray(String[]::new))
        .query(IndexedNfts::token)
        .list().stream()
        .collect(Collectors.groupingBy(TokenView::mintTransactionHash, LinkedHashMap::new, Collectors.toList()));
  }

  public List<TokenView> ownedBy(String owner, int limit) {
    return jdbc.sql("select chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned from nft_tokens where owner = :owner order by minted_block desc, token_id limit :limit")
        .param("owner", owner.toLowerCase())
        .param("limit", limit)
        .query(IndexedNfts::token)
        .list();
  }

  /**
   * The collection's tokens that exist (not burned), highest token id first (for a collection minted
   * in sequence, newest first), below {@code before} (null: from the highest): a page of the
   * collection's items, read along its primary key.
   */
  public List<TokenView> inCollection(long chainId, String contract, @Nullable BigInteger before, int limit) {
    // two statements, so that each has its own plan bounded by the key (one "is null or" plan walked from the top)
    String below = before == null ? "" : " and token_id < :before";
    JdbcClient.StatementSpec statement = jdbc.sql("select chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned from nft_tokens"
            + " where chain_id = :chain and contract = :contract" + below + " and not burned order by token_id desc limit :limit")
        .param("chain", chainId)
        .param("contract", contract.toLowerCase())
        .param("limit", limit);
    if (before != null) {
      statement.param("before", new java.math.BigDecimal(before));
    }
    return statement.query(IndexedNfts::token).list();
  }

  public List<TransferView> provenance(long chainId, String contract, BigInteger tokenId) {
    return jdbc.sql("""
            select token_id, from_address, to_address, block_number, tx_hash from nft_transfers
            where chain_id = :chain and contract = :contract and token_id = :token order by block_number, log_index, sub_index
            """)
        .param("chain", chainId)
        .param("contract", contract.toLowerCase())
        .param("token", tokenId)
        .query((rs, n) -> new TransferView(rs.getBigDecimal(1).toBigIntegerExact(), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5)))
        .list();
  }

  /** Many tokens in one query (for batch loading); unknown ones are absent. */
  public List<TokenView> tokens(long chainId, List<TokenKey> keys) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select t.chain_id, t.contract, t.token_id, t.owner, t.mint_tx_hash, t.minted_block, t.burned
            from unnest(:contracts::text[], :tokens::numeric[]) as k(contract, token_id)
            join nft_tokens t on t.chain_id = :chain and t.contract = k.contract and t.token_id = k.token_id
            """)
        .param("chain", chainId)
        .param("contracts", keys.stream().map(TokenKey::contract).toArray(String[]::new))
        .param("tokens", keys.stream().map(k -> new java.math.BigDecimal(k.tokenId())).toArray(java.math.BigDecimal[]::new))
        .query(IndexedNfts::token)
        .list();
  }

  /** The newest transfers of each token (mints come from the zero address), at most {@code perToken} each. */
  public Map<TokenKey, List<TransferView>> recentTransfers(long chainId, List<TokenKey> keys, int perToken) {
    Map<TokenKey, List<TransferView>> result = new java.util.HashMap<>();
    if (keys.isEmpty()) {
      return result;
    }
    jdbc.sql("""
            select k.contract, x.token_id, x.from_address, x.to_address, x.block_number, x.tx_hash
            from unnest(:contracts::text[], :tokens::numeric[]) as k(contract, token_id)
            cross join lateral (select * from nft_transfers n where n.chain_id = :chain and n.contract = k.contract and n.token_id = k.token_id
              order by n.block_number desc, n.log_index desc, n.sub_index desc limit :limit) x
            """)
        .param("chain", chainId)
        .param("contracts", keys.stream().map(TokenKey::contract).toArray(String[]::new))
        .param("tokens", keys.stream().map(k -> new java.math.BigDecimal(k.tokenId())).toArray(java.math.BigDecimal[]::new))
        .param("limit", perToken)
        .query((rs, n) -> {
          BigInteger id = rs.getBigDecimal(2).toBigIntegerExact();
          result.computeIfAbsent(new TokenKey(rs.getString(1), id), k -> new java.util.ArrayList<>())
              .add(new TransferView(id, rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6)));
          return 0;
        })
        .list();
    return result;
  }

  /** How many tokens of the contract exist (not burned) and how many distinct owners hold them. */
  public record CollectionCounts(long items, long owners) {}

  public CollectionCounts counts(long chainId, String contract) {
    return jdbc.sql("select count(*), count(distinct owner) from nft_tokens where chain_id = :chain and contract = :contract and not burned")
        .param("chain", chainId)
        .param("contract", contract.toLowerCase())
        .query((rs, n) -> new CollectionCounts(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  private static TokenView token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new TokenView(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).toBigIntegerExact(), rs.getString(4), rs.getString(5), rs.getLong(6),
        rs.getBoolean(7));
  }

  /** The highest block the indexer has fully processed. */
  public long indexedUpTo(long chainId) {
    return jdbc.sql("select block_number from indexer_cursor where chain_id = :chain").param("chain", chainId).query(Long.class).optional().orElse(-1L);
  }
}
