package io.nfttraders.indexer;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
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

  public List<TokenView> ownedBy(String owner, int limit) {
    return jdbc.sql("select chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned from nft_tokens where owner = :owner order by minted_block desc, token_id limit :limit")
        .param("owner", owner.toLowerCase())
        .param("limit", limit)
        .query(IndexedNfts::token)
        .list();
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

  private static TokenView token(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new TokenView(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3).toBigIntegerExact(), rs.getString(4), rs.getString(5), rs.getLong(6),
        rs.getBoolean(7));
  }

  /** The highest block the indexer has fully processed. */
  public long indexedUpTo(long chainId) {
    return jdbc.sql("select block_number from indexer_cursor where chain_id = :chain").param("chain", chainId).query(Long.class).optional().orElse(-1L);
  }
}
