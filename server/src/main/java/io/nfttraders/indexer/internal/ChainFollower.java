package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainLog;
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
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One indexing step: check the last indexed block is still canonical (else roll back to the
 * common ancestor), then fetch the next range of logs and apply it together with the new cursor
 * in one database transaction. Transfers are taken from every ERC-721 and ERC-1155 contract of the
 * chain ({@link NftContracts} tells which those are); listeners see our own contracts' logs. The range adapts: it halves when the node refuses a query and
 * doubles while answers stay small. While behind, the next range is fetched during the write of
 * this one ({@link RangeFetcher}).
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
  private final IndexerMetrics metrics;
  private final RangeFetcher fetcher;
  private final List<IndexedLogsListener> listeners;
  private final NftContracts nftContracts;
  private final Set<Address> ourContracts;
  private final long chainId;
  private final long startBlock;
  private int range;
  private long knownHead = -1;

  ChainFollower(ChainClient chain, JdbcClient jdbc, TransactionTemplate transactions, TransferLog transferLog, IndexerProperties properties,
      IndexerMetrics metrics, DeployedContracts deployed, List<IndexedLogsListener> listeners, NftContracts nftContracts) {
    this.chain = chain;
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
    long to = Math.min(head, from + range - 1);
    RangeFetcher.Fetched fetched;
    try {
      fetched = fetcher.fetch(from, to);
    } catch (TooManyLogs refused) {
      range = Math.max(1, range / 2);
      log.info("eth_getLogs refused {} blocks; range now {}", to - from + 1, range);
      return 0;
    }
    if (fetched.anchorHash().isEmpty()) {
      knownHead = -1; // the node has no block "to" (its chain got shorter): ask for the head again
      fetcher.discard();
      return 0;
    }
    List<ChainLog> logs = fetched.logs();
    adaptRange(logs.size());
    if (to + range <= head) {
      fetcher.prefetch(to + 1, to + range); // a whole range lies below the head: the next step asks for exactly this
    }
    Set<BigInteger> verified = blocksToVerify(logs, to);
    boolean hasCursor = cursor.block() >= startBlock;
    Set<BigInteger> asked = new java.util.HashSet<>(verified);
    if (hasCursor) {
      asked.add(BigInteger.valueOf(cursor.block()));
    }
    Map<BigInteger, String> hashes = chain.blockHashes(asked);
    // The range must still end where it ended when read (anchor), and still start on top of the
    // block we indexed last (cursor): then the whole range sits on our indexed chain.
    boolean cursorStillCanonical = !hasCursor || cursor.hash().equalsIgnoreCase(hashes.getOrDefault(BigInteger.valueOf(cursor.block()), ""));
    if (hasCursor) {
      hashes.remove(BigInteger.valueOf(cursor.block()));
    }
    if (!cursorStillCanonical) {
      rollBack(cursor);
      return 1;
    }
    if (!fetched.anchorHash().equalsIgnoreCase(hashes.getOrDefault(BigInteger.valueOf(to), "")) || !logsAgreeWith(logs, hashes, verified)) {
      fetcher.discard();
      return 0; // the chain changed while we read it; look again next round
    }
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
      rememberBlocks(hashes);
      saveCursor(new Cursor(to, hashes.get(BigInteger.valueOf(to))));
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
   * The chain's head, asked of the node only when the cursor is within two ranges of the last one
   * known: far behind, the head can only have moved on, and while a prefetch is reading logs the
   * node answers eth_blockNumber after it (most of a backfill step's wait on the node was that).
   */
  private long head(Cursor cursor) {
    if (cursor.block() + 2L * range < knownHead) {
      return knownHead;
    }
    knownHead = chain.blockNumber().longValueExact();
    return knownHead;
  }

  private void adaptRange(int logCount) {
    if (logCount < properties.targetLogsPerCall() / 2) {
      range = Math.min(properties.maxRange(), range * 2);
    } else if (logCount > properties.targetLogsPerCall()) {
      range = Math.max(1, range / 2);
    }
  }

  /**
   * The last block (for the cursor), and the blocks with logs among the newest {@code keepBlocks}
   * (remembered to find a common ancestor after a reorganisation). Older blocks' hashes are not
   * fetched: the anchor check already proves the whole range unchanged, and far below the head
   * one call per block with logs was a good part of a backfill's time.
   */
  private Set<BigInteger> blocksToVerify(List<ChainLog> logs, long to) {
    Set<BigInteger> blocks = new HashSet<>();
    blocks.add(BigInteger.valueOf(to));
    logs.stream().filter(l -> l.blockNumber() >= to - properties.keepBlocks()).forEach(l -> blocks.add(BigInteger.valueOf(l.blockNumber())));
    return blocks;
  }

  /** Every log of a block whose hash was fetched must come from that block. */
  private static boolean logsAgreeWith(List<ChainLog> logs, Map<BigInteger, String> hashes, Set<BigInteger> verified) {
    return logs.stream()
        .filter(l -> verified.contains(BigInteger.valueOf(l.blockNumber())))
        .allMatch(l -> l.blockHash().equalsIgnoreCase(hashes.getOrDefault(BigInteger.valueOf(l.blockNumber()), "")));
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

  /** Only the newest {@code keepBlocks} hashes are kept (older ones are deleted right after), so only those are written. */
  private void rememberBlocks(Map<BigInteger, String> hashes) {
    long highest = hashes.keySet().stream().mapToLong(BigInteger::longValueExact).max().orElse(0);
    long oldest = highest - properties.keepBlocks();
    hashes.forEach((number, hash) -> {
      if (number.longValueExact() >= oldest) {
        jdbc.sql("""
                insert into indexed_blocks (chain_id, block_number, block_hash) values (:chain, :block, :hash)
                on conflict (chain_id, block_number) do update set block_hash = excluded.block_hash
                """)
            .param("chain", chainId).param("block", number.longValueExact()).param("hash", hash).update();
      }
    });
    jdbc.sql("delete from indexed_blocks where chain_id = :chain and block_number < :oldest")
        .param("chain", chainId).param("oldest", oldest).update();
  }
}
