package io.nfttraders.market.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.Weth;
import io.nfttraders.ethereum.Address;
import io.nfttraders.platform.WorkerLoop;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * WETH balance and exchange allowance per account, read from the WETH contract: events cannot
 * give the allowance (spending it emits nothing), so an account seen in any WETH event is marked
 * stale and re-read here, and its offers re-decided.
 */
@Component
class WethPositions implements SmartLifecycle {

  record Position(BigInteger balance, BigInteger allowance) {}

  private static final int BATCH = 100;

  private final ChainClient chain;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final OrderValidity validity;
  private final long chainId;
  private final Weth weth;
  private final Address exchange;
  private final WorkerLoop loop;

  WethPositions(ChainClient chain, JdbcClient jdbc, TransactionTemplate transactions, OrderValidity validity, DeployedContracts contracts) {
    this.chain = chain;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.validity = validity;
    this.chainId = contracts.chainId().value();
    this.weth = contracts.weth();
    this.exchange = contracts.exchange();
    this.loop = new WorkerLoop("market-weth", this::refreshStale, Duration.ofMillis(500));
  }

  /** Queues the accounts for a fresh read; called inside the indexer's transaction. */
  void markStale(long chain, Collection<String> accounts) {
    if (accounts.isEmpty()) {
      return;
    }
    jdbc.sql("insert into weth_stale_accounts (chain_id, account) select :chain, unnest(:accounts::text[]) on conflict do nothing")
        .param("chain", chain)
        .param("accounts", accounts.toArray(String[]::new))
        .update();
    loop.wake();
  }

  /** Reads the account's position now and stores it (in the caller's transaction, if any). */
  Position refresh(String account) {
    long block = chain.blockNumber().longValueExact();
    Position position = read(account);
    jdbc.sql("""
            insert into weth_positions (chain_id, account, balance_wei, allowance_wei, block_number) values (:chain, :account, :balance, :allowance, :block)
            on conflict (chain_id, account) do update set balance_wei = excluded.balance_wei, allowance_wei = excluded.allowance_wei,
              block_number = excluded.block_number
            """)
        .param("chain", chainId)
        .param("account", account)
        .param("balance", position.balance())
        .param("allowance", position.allowance())
        .param("block", block)
        .update();
    return position;
  }

  Position read(String account) {
    BigInteger balance = chain.callUint256(weth.address(), weth.balanceOf(Address.of(account)));
    BigInteger allowance = chain.callUint256(weth.address(), weth.allowance(Address.of(account), exchange));
    return new Position(balance, allowance);
  }

  private int refreshStale() {
    Integer done = transactions.execute(status -> {
      List<String> accounts = jdbc.sql("""
              delete from weth_stale_accounts where (chain_id, account) in
                (select chain_id, account from weth_stale_accounts where chain_id = :chain limit :batch for update skip locked)
              returning account
              """)
          .param("chain", chainId)
          .param("batch", BATCH)
          .query(String.class)
          .list();
      accounts.forEach(this::refresh);
      validity.ofMakers(chainId, accounts);
      return accounts.size();
    });
    return done == null ? 0 : done;
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
