package io.nfttraders.market.internal;

import io.nfttraders.chain.ChainLog;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.indexer.IndexedLogsListener;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The market's view of the chain, kept in the indexer's transaction: fills become sales (and end
 * their orders and trades), cancellations and counter bumps close orders, approvals and token moves
 * re-decide listings, and accounts seen in WETH events are queued for a fresh balance read.
 */
@Component
class ChainMarketEvents implements IndexedLogsListener {

  private static final Logger log = LoggerFactory.getLogger(ChainMarketEvents.class);

  static final String ORDER_FILLED = Abi.topic(
      "OrderFilled(bytes32,address,address,uint8,address,uint256,uint256,address,uint256,address,uint256,bool,address,uint256)");
  static final String ORDER_CANCELLED = Abi.topic("OrderCancelled(bytes32,address)");
  static final String COUNTER_INCREMENTED = Abi.topic("CounterIncremented(address,uint256)");
  static final String APPROVAL_FOR_ALL = Abi.topic("ApprovalForAll(address,address,bool)");
  static final String TRANSFER = Abi.topic("Transfer(address,address,uint256)");
  static final String TRANSFER_SINGLE = Abi.topic("TransferSingle(address,address,address,uint256,uint256)");
  static final String TRANSFER_BATCH = Abi.topic("TransferBatch(address,address,address,uint256[],uint256[])");
  static final String APPROVAL = Abi.topic("Approval(address,address,uint256)");
  static final String DEPOSIT = Abi.topic("Deposit(address,uint256)");
  static final String WITHDRAWAL = Abi.topic("Withdrawal(address,uint256)");

  private final JdbcClient jdbc;
  private final OrderValidity validity;
  private final WethPositions positions;
  private final Clock clock;
  private final String exchange;
  private final String weth;

  ChainMarketEvents(JdbcClient jdbc, OrderValidity validity, WethPositions positions, Clock clock, DeployedContracts contracts) {
    this.jdbc = jdbc;
    this.validity = validity;
    this.positions = positions;
    this.clock = clock;
    this.exchange = contracts.exchange().hex();
    this.weth = contracts.weth().address().hex();
  }

  @Override
  public List<String> eventTopics() {
    return List.of(ORDER_FILLED, ORDER_CANCELLED, COUNTER_INCREMENTED, APPROVAL_FOR_ALL, APPROVAL, DEPOSIT, WITHDRAWAL, TRANSFER_SINGLE, TRANSFER_BATCH);
  }

  /** Approvals on any token contract (those of our exchange are kept): any NFT of the chain can be listed. */
  @Override
  public List<String> chainWideEvents() {
    return List.of(APPROVAL_FOR_ALL);
  }

  @Override
  public void apply(long chainId, long fromBlock, long toBlock, List<ChainLog> logs) {
    Set<String> touchedOrders = new HashSet<>();
    Set<String> touchedMakers = new HashSet<>();
    Set<TokenRef> movedTokens = new LinkedHashSet<>();
    Set<String> wethAccounts = new HashSet<>();
    Set<String> holders = new HashSet<>();
    ChainId chain = ChainId.of(chainId);
    for (ChainLog entry : logs) {
      String address = entry.address().hex();
      String topic0 = entry.topics().isEmpty() ? "" : entry.topics().getFirst().toLowerCase();
      if (address.equals(exchange)) {
        switch (topic0) {
          case String t when t.equals(ORDER_FILLED) -> touchedOrders.add(filled(chainId, entry));
          case String t when t.equals(ORDER_CANCELLED) -> touchedOrders.add(cancelled(entry));
          case String t when t.equals(COUNTER_INCREMENTED) -> touchedMakers.add(counterIncremented(chainId, entry));
          default -> { }
        }
      } else if (address.equals(weth)) {
        if (topic0.equals(TRANSFER) || topic0.equals(APPROVAL)) {
          wethAccounts.add(Abi.addressTopic(entry.topics().get(1)));
          if (topic0.equals(TRANSFER)) {
            wethAccounts.add(Abi.addressTopic(entry.topics().get(2)));
          }
        } else if (topic0.equals(DEPOSIT) || topic0.equals(WITHDRAWAL)) {
          wethAccounts.add(Abi.addressTopic(entry.topics().get(1)));
        }
      } else if (topic0.equals(APPROVAL_FOR_ALL) && entry.topics().size() == 3 && Abi.addressTopic(entry.topics().get(2)).equals(exchange)) {
        touchedMakers.add(approvalForAll(chainId, entry));
      } else if (topic0.equals(TRANSFER) && entry.topics().size() == 4) {
        movedTokens.add(new TokenRef(chain, entry.address(), new BigInteger(entry.topics().get(3).substring(2), 16)));
        holders.add(Abi.addressTopic(entry.topics().get(1)));
        holders.add(Abi.addressTopic(entry.topics().get(2)));
      } else if ((topic0.equals(TRANSFER_SINGLE) || topic0.equals(TRANSFER_BATCH)) && entry.topics().size() == 4) {
        // copies moved: the listings of both sides are decided again (an ERC-1155 listing needs its maker to hold its amount)
        touchedMakers.add(Abi.addressTopic(entry.topics().get(2)));
        touchedMakers.add(Abi.addressTopic(entry.topics().get(3)));
      }
    }
    holders.addAll(touchedMakers);
    validity.lockMakers(holders);
    validity.ofOrders(touchedOrders);
    validity.ofMakers(chainId, touchedMakers);
    validity.ofTokens(movedTokens);
    positions.markStale(chainId, wethAccounts);
  }

  private String filled(long chainId, ChainLog entry) {
    String orderHash = entry.topics().get(1).toLowerCase();
    String maker = Abi.addressTopic(entry.topics().get(2));
    String taker = Abi.addressTopic(entry.topics().get(3));
    String data = entry.data();
    boolean sell = Abi.word(data, 0).signum() == 0;
    BigInteger amount = Abi.word(data, 3);
    BigInteger price = Abi.word(data, 5);
    String royaltyReceiver = Abi.addressWord(data, 6);
    BigInteger royalty = Abi.word(data, 7);
    boolean capped = Abi.word(data, 8).signum() != 0;
    BigInteger fee = Abi.word(data, 10);
    String royaltySource = royalty.signum() == 0 ? "NONE" : capped ? "ERC2981_CAPPED" : "ERC2981";
    Timestamp now = Timestamp.from(clock.instant());
    String seller = sell ? maker : taker;
    String buyer = sell ? taker : maker;
    String collection = Abi.addressWord(data, 1);
    BigDecimal tokenId = new BigDecimal(Abi.word(data, 2));
    String currency = Abi.addressWord(data, 4);
    jdbc.sql("""
            insert into sales (chain_id, block_number, log_index, tx_hash, order_hash, side, seller, buyer, collection, token_id, amount,
              currency, price_wei, royalty_source, royalty_receiver, royalty_wei, fee_recipient, fee_wei, seller_wei, at)
            values (:chain, :block, :log, :tx, :order, :side, :seller, :buyer, :collection, :token, :amount, :currency, :price, :source,
              :receiver, :royalty, :feeRecipient, :fee, :proceeds, :now)
            on conflict do nothing
            """)
        .param("chain", chainId)
        .param("block", entry.blockNumber())
        .param("log", entry.logIndex())
        .param("tx", entry.transactionHash().toLowerCase())
        .param("order", orderHash)
        .param("side", sell ? "SELL" : "BUY")
        .param("seller", seller)
        .param("buyer", buyer)
        .param("collection", collection)
        .param("token", tokenId)
        .param("amount", amount)
        .param("currency", currency)
        .param("price", price)
        .param("source", royaltySource)
        .param("receiver", royalty.signum() == 0 ? null : royaltyReceiver)
        .param("royalty", royalty)
        .param("feeRecipient", Abi.addressWord(data, 9))
        .param("fee", fee)
        .param("proceeds", price.subtract(royalty).subtract(fee))
        .param("now", now)
        .update();
    jdbc.sql("update orders set state = 'FILLED', closed_block = :block, updated_at = :now where hash = :hash")
        .param("block", entry.blockNumber()).param("now", now).param("hash", orderHash).update();
    jdbc.sql("update trades set state = 'SETTLED', updated_at = :now where order_hash = :hash and state = 'SETTLING'")
        .param("now", now).param("hash", orderHash).update();
    jdbc.sql("""
            insert into market_activity (kind, chain_id, collection, token_id, order_hash, from_address, to_address, currency, price_wei, tx_hash,
              block_number, at)
            values ('SALE', :chain, :collection, :token, :order, :seller, :buyer, :currency, :price, :tx, :block, :now)
            """)
        .param("chain", chainId).param("collection", collection).param("token", tokenId).param("order", orderHash).param("seller", seller)
        .param("buyer", buyer).param("currency", currency).param("price", price).param("tx", entry.transactionHash().toLowerCase())
        .param("block", entry.blockNumber()).param("now", now)
        .update();
    log.info("sale indexed orderHash={} tx={} block={} priceWei={} royaltyWei={} royaltySource={} feeWei={}", orderHash, entry.transactionHash(),
        entry.blockNumber(), price, royalty, royaltySource, fee);
    return orderHash;
  }

  private String cancelled(ChainLog entry) {
    String orderHash = entry.topics().get(1).toLowerCase();
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql("""
            update orders set state = 'CANCELLED', closed_block = :block, updated_at = :now where hash = :hash and state <> 'FILLED'
            """)
        .param("block", entry.blockNumber()).param("now", now).param("hash", orderHash).update();
    return orderHash;
  }

  private String counterIncremented(long chainId, ChainLog entry) {
    String maker = Abi.addressTopic(entry.topics().get(1));
    BigInteger counter = Abi.word(entry.data(), 0);
    jdbc.sql("insert into maker_counters (chain_id, maker, counter, block_number) values (:chain, :maker, :counter, :block) on conflict do nothing")
        .param("chain", chainId).param("maker", maker).param("counter", counter).param("block", entry.blockNumber()).update();
    // every order signed under an older counter is dead for good
    jdbc.sql("""
            update orders set state = 'CANCELLED', closed_block = :block, updated_at = :now
            where chain_id = :chain and maker = :maker and counter < :counter and state in ('OPEN', 'RESERVED')
            """)
        .param("block", entry.blockNumber()).param("now", Timestamp.from(clock.instant())).param("chain", chainId).param("maker", maker)
        .param("counter", counter).update();
    return maker;
  }

  private String approvalForAll(long chainId, ChainLog entry) {
    String owner = Abi.addressTopic(entry.topics().get(1));
    jdbc.sql("""
            insert into exchange_approvals (chain_id, collection, owner, approved, block_number, log_index)
            values (:chain, :collection, :owner, :approved, :block, :log) on conflict do nothing
            """)
        .param("chain", chainId).param("collection", entry.address().hex()).param("owner", owner)
        .param("approved", Abi.word(entry.data(), 0).signum() != 0).param("block", entry.blockNumber()).param("log", entry.logIndex())
        .update();
    return owner;
  }

  @Override
  public void rolledBack(long chainId, long ancestorBlock) {
    Timestamp now = Timestamp.from(clock.instant());
    List<String> reopened = new ArrayList<>(jdbc.sql("delete from sales where chain_id = :chain and block_number > :block returning order_hash")
        .param("chain", chainId).param("block", ancestorBlock).query(String.class).list());
    reopened.addAll(jdbc.sql("select hash from orders where chain_id = :chain and closed_block > :block")
        .param("chain", chainId).param("block", ancestorBlock).query(String.class).list());
    // a fill undone by the reorganisation: the order is in flight again if our trade is, else open
    jdbc.sql("""
            update orders o set state = case when exists (select 1 from trades t where t.order_hash = o.hash and t.state <> 'FAILED')
                then 'RESERVED' else 'OPEN' end, closed_block = null, updated_at = :now
            where o.hash = any(:hashes::text[])
            """)
        .param("hashes", reopened.toArray(String[]::new)).param("now", now).update();
    jdbc.sql("update trades set state = 'SETTLING', updated_at = :now where order_hash = any(:hashes::text[]) and state = 'SETTLED'")
        .param("hashes", reopened.toArray(String[]::new)).param("now", now).update();
    jdbc.sql("delete from market_activity where chain_id = :chain and block_number > :block").param("chain", chainId).param("block", ancestorBlock).update();
    List<String> makers = new ArrayList<>(jdbc.sql("delete from maker_counters where chain_id = :chain and block_number > :block returning maker")
        .param("chain", chainId).param("block", ancestorBlock).query(String.class).list());
    makers.addAll(jdbc.sql("delete from exchange_approvals where chain_id = :chain and block_number > :block returning owner")
        .param("chain", chainId).param("block", ancestorBlock).query(String.class).list());
    positions.markStale(chainId, jdbc.sql("select account from weth_positions where chain_id = :chain and block_number > :block")
        .param("chain", chainId).param("block", ancestorBlock).query(String.class).list());
    // owners may have changed anywhere below: re-decide every live order (reorganisations are rare)
    validity.ofChain(chainId);
    log.warn("market state above block {} undone by a reorganisation: {} orders reopened, {} makers' counters or approvals changed", ancestorBlock,
        reopened.size(), makers.size());
  }
}
