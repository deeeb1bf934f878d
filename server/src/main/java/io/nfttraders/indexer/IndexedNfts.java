package io.nfttraders.indexer;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

  private static final String TOKEN_COLUMNS = "chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned, standard";

  public Optional<TokenView> token(TokenRef token) {
    return jdbc.sql("select " + TOKEN_COLUMNS + " from nft_tokens where chain_id = :chain and contract = :contract and token_id = :token")
        .param("chain", token.chainId().value())
        .param("contract", token.contract().hex())
        .param("token", new BigDecimal(token.tokenId()))
        .query(IndexedNfts::token)
        .optional();
  }

  /** Tokens first seen (minted) in blocks {@code fromBlock..toBlock}, for listeners that start work on new tokens. */
  public List<TokenView> mintedIn(ChainId chainId, long fromBlock, long toBlock) {
    return jdbc.sql("select " + TOKEN_COLUMNS + " from nft_tokens where chain_id = :chain and minted_block between :from and :to")
        .param("chain", chainId.value()).param("from", fromBlock).param("to", toBlock)
        .query(IndexedNfts::token)
        .list();
  }

  public List<TokenView> mintedBy(String transactionHash) {
    return jdbc.sql("select " + TOKEN_COLUMNS + " from nft_tokens where mint_tx_hash = :hash order by token_id")
        .param("hash", transactionHash.toLowerCase(Locale.ROOT))
        .query(IndexedNfts::token)
        .list();
  }

  /** The tokens each of these transactions minted, in token id order, by lower-case transaction hash. */
  public Map<String, List<TokenView>> mintedBy(Collection<String> transactionHashes) {
    return jdbc.sql("select " + TOKEN_COLUMNS + " from nft_tokens where mint_tx_hash = any(:hashes) order by token_id")
        .param("hashes", transactionHashes.stream().map(h -> h.toLowerCase(Locale.ROOT)).toArray(String[]::new))
        .query(IndexedNfts::token)
        .list().stream()
        .collect(Collectors.groupingBy(TokenView::mintTransactionHash, LinkedHashMap::new, Collectors.toList()));
  }

  /** What the holder has, of every contract: ERC-721 tokens they own and ERC-1155 tokens they hold copies of, newest first. */
  public List<Holding> holdings(Address holder, int limit) {
    return jdbc.sql("""
            select * from (
              select chain_id, contract, token_id, owner, mint_tx_hash, minted_block, burned, standard, 1 as copies from nft_tokens where owner = :holder
              union all
              select t.chain_id, t.contract, t.token_id, t.owner, t.mint_tx_hash, t.minted_block, t.burned, t.standard, b.balance from nft_balances b
              join nft_tokens t on t.chain_id = b.chain_id and t.contract = b.contract and t.token_id = b.token_id
              where b.holder = :holder) held
            order by minted_block desc, contract, token_id limit :limit
            """)
        .param("holder", holder.hex())
        .param("limit", limit)
        .query((rs, n) -> new Holding(token(rs, n), rs.getBigDecimal("copies").toBigIntegerExact()))
        .list();
  }

  /** An ERC-1155 token's copies across all its holders (0 for an ERC-721 token, which has no balances). */
  public BigInteger copies(TokenRef token) {
    return jdbc.sql("select coalesce(sum(balance), 0) from nft_balances where chain_id = :chain and contract = :contract and token_id = :token")
        .param("chain", token.chainId().value()).param("contract", token.contract().hex()).param("token", new BigDecimal(token.tokenId()))
        .query(BigDecimal.class).single().toBigIntegerExact();
  }

  /** The holder's copies of an ERC-1155 token, or 1 or 0 for an ERC-721 token they do or do not own. */
  public BigInteger copiesHeld(TokenRef token, Address holder) {
    return jdbc.sql("""
            select coalesce((select balance from nft_balances where chain_id = :chain and contract = :contract and token_id = :token and holder = :holder),
              (select count(*) from nft_tokens where chain_id = :chain and contract = :contract and token_id = :token and owner = :holder))
            """)
        .param("chain", token.chainId().value()).param("contract", token.contract().hex()).param("token", new BigDecimal(token.tokenId()))
        .param("holder", holder.hex())
        .query(BigDecimal.class).single().toBigIntegerExact();
  }

  /**
   * The collection's tokens that exist (not burned), highest token id first (for a collection minted
   * in sequence, newest first), below {@code before} (null: from the highest): a page of the
   * collection's items, read along its primary key.
   */
  public List<TokenView> inCollection(ChainId chainId, Address contract, @Nullable BigInteger before, int limit) {
    // two statements, so that each has its own plan bounded by the key (one "is null or" plan walked from the top)
    String below = before == null ? "" : " and token_id < :before";
    JdbcClient.StatementSpec statement = jdbc.sql("select " + TOKEN_COLUMNS + " from nft_tokens"
            + " where chain_id = :chain and contract = :contract" + below + " and not burned order by token_id desc limit :limit")
        .param("chain", chainId.value())
        .param("contract", contract.hex())
        .param("limit", limit);
    if (before != null) {
      statement.param("before", new BigDecimal(before));
    }
    return statement.query(IndexedNfts::token).list();
  }

  public List<TransferView> provenance(TokenRef token) {
    return jdbc.sql("""
            select token_id, from_address, to_address, block_number, tx_hash from nft_transfers
            where chain_id = :chain and contract = :contract and token_id = :token order by block_number, log_index, sub_index
            """)
        .param("chain", token.chainId().value())
        .param("contract", token.contract().hex())
        .param("token", new BigDecimal(token.tokenId()))
        .query((rs, n) -> new TransferView(rs.getBigDecimal(1).toBigIntegerExact(), Address.of(rs.getString(2)), Address.of(rs.getString(3)),
            rs.getLong(4), rs.getString(5)))
        .list();
  }

  /** Many tokens in one query (for batch loading); unknown ones are absent. */
  public List<TokenView> tokens(List<TokenRef> tokens) {
    if (tokens.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
            select t.chain_id, t.contract, t.token_id, t.owner, t.mint_tx_hash, t.minted_block, t.burned, t.standard
            from unnest(:chains::bigint[], :contracts::text[], :tokens::numeric[]) as k(chain_id, contract, token_id)
            join nft_tokens t on t.chain_id = k.chain_id and t.contract = k.contract and t.token_id = k.token_id
            """)
        .param("chains", chains(tokens))
        .param("contracts", contracts(tokens))
        .param("tokens", tokenIds(tokens))
        .query(IndexedNfts::token)
        .list();
  }

  /** The newest transfers of each token (mints come from the zero address), at most {@code perToken} each. */
  public Map<TokenRef, List<TransferView>> recentTransfers(List<TokenRef> tokens, int perToken) {
    Map<TokenRef, List<TransferView>> result = new HashMap<>();
    if (tokens.isEmpty()) {
      return result;
    }
    jdbc.sql("""
            select k.chain_id, k.contract, x.token_id, x.from_address, x.to_address, x.block_number, x.tx_hash
            from unnest(:chains::bigint[], :contracts::text[], :tokens::numeric[]) as k(chain_id, contract, token_id)
            cross join lateral (select * from nft_transfers n where n.chain_id = k.chain_id and n.contract = k.contract and n.token_id = k.token_id
              order by n.block_number desc, n.log_index desc, n.sub_index desc limit :limit) x
            """)
        .param("chains", chains(tokens))
        .param("contracts", contracts(tokens))
        .param("tokens", tokenIds(tokens))
        .param("limit", perToken)
        .query((rs, n) -> {
          BigInteger id = rs.getBigDecimal(3).toBigIntegerExact();
          TokenRef token = new TokenRef(ChainId.of(rs.getLong(1)), Address.of(rs.getString(2)), id);
          result.computeIfAbsent(token, k -> new ArrayList<>())
              .add(new TransferView(id, Address.of(rs.getString(4)), Address.of(rs.getString(5)), rs.getLong(6), rs.getString(7)));
          return 0;
        })
        .list();
    return result;
  }

  /** How many tokens of the contract exist (not burned) and how many distinct owners hold them. */
  public record CollectionCounts(long items, long owners) {}

  public CollectionCounts counts(ChainId chainId, Address contract) {
    return jdbc.sql("select count(*), count(distinct owner) from nft_tokens where chain_id = :chain and contract = :contract and not burned")
        .param("chain", chainId.value())
        .param("contract", contract.hex())
        .query((rs, n) -> new CollectionCounts(rs.getLong(1), rs.getLong(2)))
        .single();
  }

  private static TokenView token(ResultSet rs, int row) throws SQLException {
    TokenRef token = new TokenRef(ChainId.of(rs.getLong(1)), Address.of(rs.getString(2)), rs.getBigDecimal(3).toBigIntegerExact());
    String owner = rs.getString(4);
    return new TokenView(token, owner == null ? null : Address.of(owner), rs.getString(5), rs.getLong(6), rs.getBoolean(7),
        TokenStandard.valueOf(rs.getString(8)));
  }

  private static Long[] chains(List<TokenRef> tokens) {
    return tokens.stream().map(t -> t.chainId().value()).toArray(Long[]::new);
  }

  private static String[] contracts(List<TokenRef> tokens) {
    return tokens.stream().map(t -> t.contract().hex()).toArray(String[]::new);
  }

  private static BigDecimal[] tokenIds(List<TokenRef> tokens) {
    return tokens.stream().map(t -> new BigDecimal(t.tokenId())).toArray(BigDecimal[]::new);
  }

  /** The highest block the indexer has fully processed. */
  public long indexedUpTo(ChainId chainId) {
    return jdbc.sql("select block_number from indexer_cursor where chain_id = :chain").param("chain", chainId.value()).query(Long.class).optional().orElse(-1L);
  }
}
