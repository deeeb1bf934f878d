package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainLog;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.TooManyLogs;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.indexer.IndexedLogsListener;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One indexing step: take the next range of logs, check it sits on the block indexed last (else
 * roll back to the common ancestor), and apply it together with the new cursor in one database
 * transaction. Transfers are taken from every ERC-721 and ERC-1155 contract of the chain
 * ({@link NftContracts} tells which those are); listeners see our own contracts' logs, every NFT
 * contract's transfers and the chain-wide events they asked for. Ranges are sized to hold about
 * {@code targetLogsPerCall} logs, halved when the node refuses one; while behind, the next ranges
 * are read during the write of this one ({@link RangeFetcher}). One per chain.
 */
class ChainFollower {

  private static final Logger log = LoggerFactory.getLogger(ChainFollower.class);
  private static final int KEPT_STEPS = 16;

  record Cursor(long block, String hash) {}

  private final ChainClient chain;
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final TransferLog transferLog;
  private final IndexerProperties properties;
  private final IndexerMetrics metrics;
  private final RangeFetcher fetcher;
  private final List<IndexedLogsListener> listeners;
  private final NftContracts nftContracts;
  private final Set<Address> ourContracts;
  private final long chainId;
  private final long startBlock;
  private int range;
  private long knownHead = -1;

  ChainFollower(Chains.Chain followed, DeployedContracts deployed, JdbcClient jdbc, TransactionTemplate transactions, TransferLog transferLog,
      IndexerProperties properties, IndexerMetrics metrics, List<IndexedLogsListener> listeners, NftContracts nftContracts) {
    this.chain = followed.client();
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.transferLog = transferLog;
    this.properties = properties;
    this.metrics = metrics;
    this.chainId = deployed.chainId().value();
    this.listeners = List.copyOf(listeners);
    this.nftContracts = nftContracts;
    this.ourContracts = Set.copyOf(deployed.byName().values());
    this.fetcher = new RangeFetcher(chain, ourContracts.stream().map(Address::hex).toList(),
        listeners.stream().flatMap(l -> l.eventTopics().stream()).toList(), listeners.stream().flatMap(l -> l.chainWideEvents().stream()).toList());
    this.startBlock = jdbc.sql("select coalesce(min(deploy_block), 0) from chain_contracts where chain_id = :chain")
        .param("chain", chainId).query(Long.class).single();
    this.range = properties.initialRange();
    metrics.indexedUpTo(cursor().block());
  }

  /** @return how many blocks were indexed (0 when caught up) */
  int step() {
    Cursor cursor = cursor();
    long head = head(cursor);
    if (cursor.block() > head) {
      return 0; // the node is behind us (or its chain got shorter): wait until it is past our cursor again
    }
    long from = Math.max(cursor.block() + 1, startBlock);
    if (from > head) {
      // caught up: no range will show a reorganisation that replaced our last block, so look at it
      if (cursor.block() >= startBlock && !isCanonical(cursor)) {
        rollBack(cursor);
        return 1;
      }
      return 0;
    }
    RangeFetcher.Fetched fetched;
    try {
      fetched = fetcher.fetch(from, Math.min(head, from + range - 1));
    } catch (TooManyLogs refused) {
      range = Math.max(1, range / 2);
      log.info("eth_getLogs refused a range from block {}; range now {}", from, range);
      return 0;
    }
    long to = fetched.to();
    if (fetched.anchorHash().isEmpty()) {
      knownHead = -1; // the node has no block "to" (its chain got shorter): ask for the head again
      fetcher.discard();
      return 0;
    }
    if (cursor.block() >= startBlock && !cursor.hash().equalsIgnoreCase(String.valueOf(fetched.parentHash()))) {
      rollBack(cursor); // the block we indexed last is no longer the parent of the range
      return 1;
    }
    String anchorHash = fetched.anchorHash();
    List<ChainLog> logs = fetched.logs();
    if (!fetched.unchanged() || logs.stream().anyMatch(l -> l.blockNumber() == to && !l.blockHash().equalsIgnoreCase(anchorHash))) {
      fetcher.discard();
      return 0; // the chain changed while the range was read; read it again
    }
    adaptRange(to - from + 1, logs.size());
    fetcher.readAhead(to + 1, head, range);
    Map<String, Long> byEvent = new HashMap<>();
    Map<Address, TokenStandard> standards = standards(logs, from);
    List<Transfer> transfers = transfers(logs, standards, byEvent);
    // what listeners see: our contracts' logs, every NFT contract's transfers, and the chain-wide filters they asked for
    // (every fetched log that is not a transfer candidate); an ERC-20's transfers are not theirs
    List<ChainLog> forListeners = logs.stream()
        .filter(l -> ourContracts.contains(l.address()) || standards.containsKey(l.address()) || !TransferDecoder.isCandidate(l)).toList();
    transactions.executeWithoutResult(s -> {
      transferLog.append(chainId, transfers);
      listeners.forEach(l -> l.apply(chainId, from, to, forListeners));
      Cursor reached = new Cursor(to, anchorHash);
      remember(reached);
      saveCursor(reached);
    });
    metrics.indexedUpTo(to);
    metrics.applied(logs.size(), byEvent);
    if (!transfers.isEmpty()) {
      log.debug("indexed blocks {}..{}: {} logs, {} transfers", from, to, logs.size(), transfers.size());
    }
    return (int) (to - from + 1);
  }

  /** What ERC-165 says each contract with a transfer-shaped log is, for those that are ERC-721 or ERC-1155 (an ERC-20 is not). */
  private Map<Address, TokenStandard> standards(List<ChainLog> logs, long from) {
    Set<Address> candidates = new HashSet<>();
    logs.stream().filter(TransferDecoder::isCandidate).forEach(l -> candidates.add(l.address()));
    return nftContracts.classify(chainId, candidates, from);
  }

  /** The transfers of the logs of NFT contracts, counted into {@code byEvent}. */
  private List<Transfer> transfers(List<ChainLog> logs, Map<Address, TokenStandard> standards, Map<String, Long> byEvent) {
    List<Transfer> transfers = new ArrayList<>();
    for (ChainLog entry : logs) {
      TokenStandard standard = standards.get(entry.address());
      if (standard != null) {
        List<Transfer> decoded = TransferDecoder.decode(entry, standard);
        transfers.addAll(decoded);
        byEvent.merge(TransferDecoder.eventName(entry), (long) decoded.size(), Long::sum);
      }
    }
    return transfers;
  }

  /**
   * The chain's head, asked of the node only when the next whole range would reach past the last
   * head known: below it, the head can only have moved on (a reorganisation shows in the range's
   * own checks), and while a prefetch is reading logs the node answers eth_blockNumber only after
   * it (most of a backfill's wait on the node was that).
   */
  private long head(Cursor cursor) {
    if (knownHead >= 0 && cursor.block() + range <= knownHead) {
      return knownHead;
    }
    knownHead = chain.blockNumber().longValueExact();
    return knownHead;
  }

  /**
   * Sizes the next ranges to hold about {@code targetLogsPerCall} logs at the density of this one:
   * smaller at once, larger by at most twice a step (a quiet stretch of the chain may end).
   */
  private void adaptRange(long blocks, int logCount) {
    long fitting = logCount == 0 ? Long.MAX_VALUE : Math.max(1, properties.targetLogsPerCall() * blocks / logCount);
    range = (int) Math.max(1, Math.min(Math.min(properties.maxRange(), 2L * range), fitting));
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
    fetcher.discard();
    transactions.executeWithoutResult(s -> {
      transferLog.rollBackAbove(chainId, ancestor.block());
      listeners.forEach(l -> l.rolledBack(chainId, ancestor.block()));
      jdbc.sql("delete from indexed_blocks where chain_id = :chain and block_number > :block").param("chain", chainId).param("block", ancestor.block()).update();
      saveCursor(ancestor);
    });
    metrics.indexedUpTo(ancestor.block());
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

  /**
   * Each step's last block is remembered, those of the newest {@code keepBlocks} blocks and at
   * least the last {@value #KEPT_STEPS} steps': a reorganisation rolls back to the newest
   * remembered block the chain still has (near the head, where reorganisations happen, a step is a
   * block or a few; far behind it, the steps before are long final).
   */
  private void remember(Cursor reached) {
    jdbc.sql("""
            insert into indexed_blocks (chain_id, block_number, block_hash) values (:chain, :block, :hash)
            on conflict (chain_id, block_number) do update set block_hash = excluded.block_hash
            """)
        .param("chain", chainId).param("block", reached.block()).param("hash", reached.hash()).update();
    jdbc.sql("""
            delete from indexed_blocks where chain_id = :chain and block_number < :oldest and block_number <
              (select min(block_number) from (select block_number from indexed_blocks where chain_id = :chain order by block_number desc limit :kept) s)
            """)
        .param("chain", chainId).param("oldest", reached.block() - properties.keepBlocks()).param("kept", KEPT_STEPS).update();
  }
}
