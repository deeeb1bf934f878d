package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Fetches the NFT transfer logs of every contract of the chain, and the events listeners asked for
 * of our own contracts, of a block range, between two reads of the hash of the range's last block
 * (the anchor). If it did not change, no block of the range changed while its logs were read (a
 * block hash covers all its ancestors): the logs are those of the chain ending in the anchor. The
 * parent block's hash, read with the second anchor, tells whether the range sits on the block
 * indexed before it.
 *
 * <p>While the indexer is behind, the next range is read ahead on a virtual thread while the
 * current one is written: the node works (and its answer is parsed) during the database's writes.
 * One range: where the node, the database and this server share a few cores, reading further
 * ahead only competes with the write for them. Only the indexer thread calls this class; a range
 * read ahead that nobody takes is dropped.
 */
final class RangeFetcher {

  /**
   * The logs of blocks {@code from..to}, with the hashes of block {@code to} (empty if the node has
   * no such block) and of its parent block {@code from - 1} as read right after the logs;
   * {@code unchanged} when block {@code to} had that same hash before the logs were read.
   */
  record Fetched(long from, long to, List<ChainLog> logs, String anchorHash, @Nullable String parentHash, boolean unchanged) {}

  private record Ahead(long from, long to, CompletableFuture<@Nullable Fetched> result) {}

  private static final Comparator<ChainLog> CHAIN_ORDER = Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex);
  private static final Executor READER = task -> Thread.ofVirtual().name("indexer-prefetch").start(task);

  private final ChainClient chain;
  private final List<String> ourContracts;
  private final List<String> listenerEvents;
  private final List<String> chainWideEvents;
  private @Nullable Ahead ahead;
  /** The last read started: the next one starts when it is done, so reads never overlap on the node. */
  private CompletableFuture<?> last = CompletableFuture.completedFuture(null);
  /** Bumped by {@link #discard}: queued reads of an older generation skip the node. */
  private volatile int generation;

  /**
   * {@code listenerEvents} of {@code ourContracts} only: the same topics of every contract (every
   * ERC-20's Approval) are not ours to read; {@code chainWideEvents} (rare ones) of every contract,
   * in the same query as the transfers.
   */
  RangeFetcher(ChainClient chain, List<String> ourContracts, List<String> listenerEvents, List<String> chainWideEvents) {
    this.chain = chain;
    this.ourContracts = List.copyOf(ourContracts);
    this.listenerEvents = listenerEvents.stream().map(String::toLowerCase).filter(t -> !TransferDecoder.EVENTS.contains(t)).distinct().toList();
    this.chainWideEvents = java.util.stream.Stream.concat(TransferDecoder.EVENTS.stream(), chainWideEvents.stream().map(String::toLowerCase))
        .distinct().toList();
  }

  /**
   * The logs of the range that starts at {@code from}: the range read ahead if it starts there
   * (whatever its end), else {@code from..to} read now. Node errors are rethrown as they came.
   */
  Fetched fetch(long from, long to) {
    Ahead next = ahead;
    ahead = null;
    if (next == null || next.from() != from) {
      if (next != null) {
        generation++; // not the range wanted: skip it if it has not started
      }
      return fetchNow(from, to);
    }
    try {
      return Objects.requireNonNull(next.result().join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /** Starts reading the range of {@code size} blocks from {@code from} (up to {@code head}), unless one is read ahead already. */
  void readAhead(long from, long head, int size) {
    if (ahead != null || from > head) {
      return;
    }
    long end = Math.min(head, from + size - 1);
    int queuedIn = generation;
    CompletableFuture<@Nullable Fetched> result = last.handleAsync((done, failed) -> generation == queuedIn ? fetchNow(from, end) : null, READER);
    last = result;
    ahead = new Ahead(from, end, result);
  }

  /** Forgets what was read ahead (after a reorganisation or a disagreement, the next range is not what it was). */
  void discard() {
    if (ahead != null) {
      generation++;
      ahead = null;
    }
  }

  private Fetched fetchNow(long from, long to) {
    BigInteger last = BigInteger.valueOf(to);
    BigInteger parent = BigInteger.valueOf(from - 1);
    String before = chain.blockHashes(List.of(last)).getOrDefault(last, "");
    List<ChainLog> logs = logs(from, to);
    Map<BigInteger, String> after = chain.blockHashes(from > 0 ? List.of(parent, last) : List.of(last));
    String anchor = after.getOrDefault(last, "");
    return new Fetched(from, to, logs, anchor, after.get(parent), before.equalsIgnoreCase(anchor));
  }

  private List<ChainLog> logs(long from, long to) {
    if (listenerEvents.isEmpty()) {
      return chain.logs(from, to, List.of(), chainWideEvents);
    }
    // the two queries are independent: the node may answer them side by side
    CompletableFuture<List<ChainLog>> ours = CompletableFuture.supplyAsync(() -> chain.logs(from, to, ourContracts, listenerEvents), READER);
    List<ChainLog> logs = new ArrayList<>(chain.logs(from, to, List.of(), chainWideEvents));
    try {
      logs.addAll(ours.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    // a log both queries matched (an approval on our own collection) is one log
    TreeMap<ChainLog, ChainLog> once = new TreeMap<>(CHAIN_ORDER);
    logs.forEach(log -> once.putIfAbsent(log, log));
    return List.copyOf(once.values());
  }
}
