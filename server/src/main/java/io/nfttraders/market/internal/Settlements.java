package io.nfttraders.market.internal;

import io.nfttraders.platform.WorkerLoop;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends trades whose settlement transaction failed (reverted, refused, or its approval failed): the
 * trade records why, and the order is offered again. Successful trades end when the indexer sees the
 * exchange's OrderFilled ({@link ChainMarketEvents}), never from our own bookkeeping.
 */
@Component
class Settlements implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Settlements.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final OrderBook book;
  private final OrderValidity validity;
  private final Clock clock;
  private final WorkerLoop loop;

  Settlements(JdbcClient jdbc, TransactionTemplate transactions, OrderBook book, OrderValidity validity, Clock clock, MarketProperties properties) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.book = book;
    this.validity = validity;
    this.clock = clock;
    this.loop = new WorkerLoop("market-settlements", this::releaseFailed, properties.settlementPoll());
  }

  int releaseFailed() {
    Integer released = transactions.execute(status -> {
      Timestamp now = Timestamp.from(clock.instant());
      List<String> orders = jdbc.sql("""
              update trades t set state = 'FAILED', failure = coalesce(c.last_error, 'the settlement transaction failed'), updated_at = :now
              from chain_transactions c
              where c.id = t.transaction_id and t.state = 'SETTLING' and c.status = 'FAILED'
              returning t.order_hash
              """)
          .param("now", now)
          .query(String.class)
          .list();
      if (!orders.isEmpty()) {
        book.release(orders, clock.instant());
        validity.ofOrders(orders);
        log.warn("settlements failed; orders offered again orderHashes={}", orders);
      }
      return orders.size();
    });
    return released == null ? 0 : released;
  }

  @Override
  public void start() {
    loop.start();
  }

  @Override
  public void stop() {
    loop.stop(Duration.ofSeconds(5));
  }

  @Override
  public boolean isRunning() {
    return loop.isRunning();
  }
}
