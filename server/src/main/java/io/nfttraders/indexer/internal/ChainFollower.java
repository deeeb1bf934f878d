package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainLog;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.TooManyLogs;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One indexing step: check the last indexed block is still canonical (else roll back to the
 * common ancestor), then fetch the next range of logs and apply it together with the new cursor
 * in one database transaction. The range adapts: it halves when the node refuses a query and
 * doubles while answers stay small.
 */
@Component
class ChainFollower {

  private static final Logger log = LoggerFactory.getLogger(ChainFollower.class);

  record Cursor(long block, String hash) {}

  private final ChainClient chain;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransferLog transferLog;
  private final IndexerProperties properties;
  private final long chainId;
  private final List<String> contracts;
  private final long startBlock;
  private int range;

  ChainFollower(ChainClient chain, JdbcClient jdbc, TransactionTemplate transactions, TransferLog transferLog, IndexerProperties properties,
      DeployedContracts deployed) {
    this.chain = chain;
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.transferLog = transferLog;
    this.properties = properties;
    this.chainId = deployed.chainId();
    this.contracts = deployed.addresses().values().stream().map(String::toLowerCase).toList();
    this.startBlock = jdbc.sql("select coalesce(min(deploy_block), 0) from chain_contracts where chain_id = :chain")
        .param("chain", chainId).query(Long.class).single();
    this.range = properties.initialRange();
  }

  /** @return how many blocks were indexed (0 when caught up) */
  int step() {
    Cursor cursor = cursor();
    if (cursor.block() >= startBlock && !isCanonical(cursor)) {
      rollBack(cursor);
      return 1;
    }
    long head = chain.blockNumber().longValueExact();
    long from = Math.max(cursor.block() + 1, startBlock);
    if (from > head) {
      return 0;
    }
    long to = Math.min(head, from + range - 1);
    List<ChainLog> logs;
    try {
      logs = chain.logs(from, to, contracts, List.of(TransferDecoder.TRANSFER, TransferDecoder.CONSECUTIVE_TRANSFER));
    } catch (TooManyLogs refused) {
      range = Math.max(1, range / 2);
      log.info("eth_getLogs refused {} blocks; range now {}", to - from + 1, range);
      return 0;
    }
    Map<BigInteger, String> hashes = chain.blockHashes(blocksToVerify(logs, to));
    if (!logsAgreeWith(logs, hashes)) {
      return 0; // the chain changed between the two calls; look again next round
    }
    List<Transfer> transfers = new ArrayList<>();
    logs.forEach(l -> transfers.addAll(TransferDecoder.decode(l)));
    transactions.executeWithoutResult(s -> {
      transferLog.append(chainId, transfers);
      rememberBlocks(hashes);
      saveCursor(new Cursor(to, hashes.get(BigInteger.valueOf(to))));
    });
    adaptRange(logs.size());
    if (!transfers.isEmpty()) {
      log.debug("indexed blocks {}..{}: {} logs, {} transfers", from, to, logs.size(), transfers.size());
    }
    return (int) (to - from + 1);
  }

  private void adaptRange(int logCount) {
    if (logCount < properties.targetLogsPerCall() / 2) {
      range = Math.min(properties.maxRange(), range * 2);
    } else if (logCount > properties.targetLogsPerCall()) {
      range = Math.max(1, range / 2);
    }
  }

  private static Set<BigInteger> blocksToVerify(List<ChainLog> logs, long to) {
    Set<BigInteger> blocks = new HashSet<>();
    blocks.add(BigInteger.valueOf(to));
    logs.forEach(l -> blocks.add(BigInteger.valueOf(l.blockNumber())));
    return blocks;
  }

  private static boolean logsAgreeWith(List<ChainLog> logs, Map<BigInteger, String> hashes) {
    return logs.stream().allMatch(l -> l.blockHash().equalsIgnoreCase(hashes.getOrDefault(BigInteger.valueOf(l.blockNumber()), "")));
  }

  private boolean isCanonical(Cursor cursor) {
    String now = chain.blockHashes(List.of(BigInteger.valueOf(cursor.block()))).get(BigInteger.valueOf(cursor.block()));
    return cursor.hash().equalsIgnoreCase(String.valueOf(now));
  }

  /** Walks back through the remembered hashes to the newest block the chain still agrees with. */
  private void rollBack(Cursor stale) {
    List<Cursor> remembered = jdbc.sql("select block_number, block_hash from indexed_blocks where chain_id = :chain and block_number < :block order by block_number desc")
        .param("chain", chainId)
        .param("block", stale.block())
        .query((rs, n) -> new Cursor(rs.getLong(1), rs.getString(2)))
        .list();
    Map<BigInteger, String> canonical = chain.blockHashes(remembered.stream().map(c -> BigInteger.valueOf(c.block())).toList());
    Cursor ancestor = remembered.stream()
        .filter(c -> c.hash().equalsIgnoreCase(canonical.getOrDefault(BigInteger.valueOf(c.block()), "")))
        .findFirst()
        .orElse(new Cursor(startBlock - 1, ""));
    transactions.executeWithoutResult(s -> {
      transferLog.rollBackAbove(chainId, ancestor.block());
      jdbc.sql("delete from indexed_blocks where chain_id = :chain and block_number > :block").param("chain", chainId).param("block", ancestor.block()).update();
      saveCursor(ancestor);
    });
    log.warn("chain reorganisation: block {} ({}) is no longer canonical; rolled back to block {}", stale.block(), stale.hash(), ancestor.block());
  }

  private Cursor cursor() {
    return jdbc.sql("select block_number, block_hash from indexer_cursor where chain_id = :chain")
        .param("chain", chainId)
        .query((rs, n) -> new Cursor(rs.getLong(1), rs.getString(2)))
        .optional()
        .orElse(new Cursor(startBlock - 1, ""));
  }

  private void saveCursor(Cursor cursor) {
    jdbc.sql("""
            insert into indexer_cursor (chain_id, block_number, block_hash) values (:chain, :block, :hash)
            on conflict (chain_id) do update set block_number = excluded.block_number, block_hash = excluded.block_hash
            """)
        .param("chain", chainId)
        .param("block", cursor.block())
        .param("hash", cursor.hash())
        .update();
  }

  private void rememberBlocks(Map<BigInteger, String> hashes) {
    hashes.forEach((number, hash) -> jdbc.sql("""
            insert into indexed_blocks (chain_id, block_number, block_hash) values (:chain, :block, :hash)
            on conflict (chain_id, block_number) do update set block_hash = excluded.block_hash
            """)
        .param("chain", chainId).param("block", number.longValueExact()).param("hash", hash).update());
    long highest = hashes.keySet().stream().mapToLong(BigInteger::longValueExact).max().orElse(0);
    jdbc.sql("delete from indexed_blocks where chain_id = :chain and block_number < :oldest")
        .param("chain", chainId).param("oldest", highest - properties.keepBlocks()).update();
  }
}
