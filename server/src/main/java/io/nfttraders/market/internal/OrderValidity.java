package io.nfttraders.market.internal;

import io.nfttraders.ethereum.TokenRef;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Decides from indexed chain state whether open orders could be filled right now, and stores the
 * reason when not. A listing needs its maker to own the token (to hold its copies, for an ERC-1155
 * listing) and to have approved the exchange;
 * an offer needs its maker's WETH balance and allowance to cover the price; both need the maker's
 * current counter. Only rows whose verdict changes are written.
 */
@Component
class OrderValidity {

  private static final String RECOMPUTE = """
      with checked as (
        select o.hash,
          case
            when o.counter <> coalesce((select max(c.counter) from maker_counters c where c.chain_id = o.chain_id and c.maker = o.maker), 0)
              then 'STALE_COUNTER'
            when o.side = 'SELL' and o.standard = 'ERC721' and t.owner is distinct from o.maker then 'NOT_OWNER'
            when o.side = 'SELL' and o.standard = 'ERC1155' and coalesce((select b.balance from nft_balances b where b.chain_id = o.chain_id
                  and b.contract = o.collection and b.token_id = o.token_id and b.holder = o.maker), 0) < o.amount then 'NOT_OWNER'
            when o.side = 'SELL' and not coalesce((select a.approved from exchange_approvals a
                  where a.chain_id = o.chain_id and a.collection = o.collection and a.owner = o.maker
                  order by a.block_number desc, a.log_index desc limit 1), false) then 'NOT_APPROVED'
            when o.side = 'BUY' and (t.token_id is null or t.burned) then 'NO_SUCH_TOKEN'
            when o.side = 'BUY' and p.account is null then 'UNCHECKED'
            when o.side = 'BUY' and p.balance_wei < o.price_wei then 'INSUFFICIENT_WETH'
            when o.side = 'BUY' and p.allowance_wei < o.price_wei then 'INSUFFICIENT_ALLOWANCE'
          end as reason
        from orders o
        left join nft_tokens t on t.chain_id = o.chain_id and t.contract = o.collection and t.token_id = o.token_id
        left join weth_positions p on p.chain_id = o.chain_id and p.account = o.maker
        where o.state in ('OPEN', 'RESERVED') and (%s)
      )
      update orders o set invalid_reason = c.reason, updated_at = :now
      from checked c where o.hash = c.hash and o.invalid_reason is distinct from c.reason
      """;

  private final JdbcClient jdbc;
  private final Clock clock;

  OrderValidity(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Serialises deciding the orders of these makers (or token holders) with the indexer's
   * re-decisions: without it, a listing placed while the indexer commits its maker's approval
   * (or a transfer away) is decided before that commit, and the indexer's re-decision runs before
   * the listing is committed, so neither sees the other and the listing stays wrong. Held until
   * commit; makers share 256 lock buckets so a long indexer step holds a bounded number of locks,
   * taken in bucket order so two transactions cannot deadlock on them.
   */
  void lockMakers(Collection<String> makers) {
    if (makers.isEmpty()) {
      return;
    }
    jdbc.sql("select count(pg_advisory_xact_lock(8410, b)) from (select distinct hashtext(m) & 255 as b from unnest(:makers::text[]) m order by b) s")
        .param("makers", makers.toArray(String[]::new))
        .query(Long.class)
        .single();
  }

  int ofOrders(Collection<String> hashes) {
    if (hashes.isEmpty()) {
      return 0;
    }
    return jdbc.sql(RECOMPUTE.formatted("o.hash = any(:hashes::text[])"))
        .param("hashes", hashes.toArray(String[]::new))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  int ofChain(long chainId) {
    return jdbc.sql(RECOMPUTE.formatted("o.chain_id = :chain")).param("chain", chainId).param("now", Timestamp.from(clock.instant())).update();
  }

  /** Orders of these makers (any side). */
  int ofMakers(long chainId, Collection<String> makers) {
    if (makers.isEmpty()) {
      return 0;
    }
    return jdbc.sql(RECOMPUTE.formatted("o.chain_id = :chain and o.maker = any(:makers::text[])"))
        .param("chain", chainId)
        .param("makers", makers.toArray(String[]::new))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** Orders on these tokens (any side). */
  int ofTokens(Collection<TokenRef> tokens) {
    if (tokens.isEmpty()) {
      return 0;
    }
    return jdbc.sql(RECOMPUTE.formatted("""
            (o.chain_id, o.collection, o.token_id) in
              (select * from unnest(:chains::bigint[], :collections::text[], :tokens::numeric[]))"""))
        .param("chains", tokens.stream().map(t -> t.chainId().value()).toArray(Long[]::new))
        .param("collections", tokens.stream().map(t -> t.contract().hex()).toArray(String[]::new))
        .param("tokens", tokens.stream().map(TokenRef::tokenId).map(java.math.BigDecimal::new).toArray(java.math.BigDecimal[]::new))
        .param("now", Timestamp.from(clock.instant()))
        .update();
  }
}
