package io.nfttraders.market.internal;

import io.nfttraders.chain.DeployedContracts;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a new exchange replaces the one the market was kept for, what held for the old one no
 * longer does: its open orders cannot be filled by the new one (their signatures name the old
 * one), and makers' counters and approvals start afresh on the new one. Runs before the indexer
 * starts, so nothing the indexer records for the new exchange is forgotten.
 */
@Component
class ExchangeReplacement implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(ExchangeReplacement.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final long chainId;
  private final String exchange;

  ExchangeReplacement(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, DeployedContracts contracts) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.chainId = contracts.chainId().value();
    this.exchange = contracts.exchange().hex();
  }

  @Override
  public void afterPropertiesSet() {
    transactions.executeWithoutResult(status -> {
      String previous = jdbc.sql("select exchange from market_exchanges where chain_id = :chain for update").param("chain", chainId)
          .query(String.class).optional().orElse(exchange);
      if (!previous.equals(exchange)) {
        forget(previous);
      }
      jdbc.sql("""
              insert into market_exchanges (chain_id, exchange) values (:chain, :exchange)
              on conflict (chain_id) do update set exchange = excluded.exchange
              """)
          .param("chain", chainId).param("exchange", exchange).update();
    });
  }

  private void forget(String previous) {
    int closed = jdbc.sql("""
            update orders set state = 'CANCELLED', invalid_reason = 'EXCHANGE_REPLACED', updated_at = :now
            where chain_id = :chain and exchange <> :exchange and state in ('OPEN', 'RESERVED')
            """)
        .param("chain", chainId).param("exchange", exchange).param("now", Timestamp.from(clock.instant())).update();
    for (String table : new String[] {"maker_counters", "exchange_approvals", "exchange_allowance_requests"}) {
      jdbc.sql("delete from " + table + " where chain_id = :chain").param("chain", chainId).update();
    }
    // allowances were read for the old exchange
    jdbc.sql("insert into weth_stale_accounts (chain_id, account) select chain_id, account from weth_positions where chain_id = :chain on conflict do nothing")
        .param("chain", chainId).update();
    log.warn("exchange {} on chain {} replaced by {}: {} open orders closed, counters and approvals start afresh", previous, chainId, exchange, closed);
  }
}
