package io.nfttraders.indexer.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Fetches the NFT transfer logs of every contract of the chain, and the events listeners asked for of our own contracts, of a block range,
 * together with the hash of
 * the range's last block read before the logs (the anchor). If that block still has the same hash
 * when the range is written, no block of the range changed in between (a block hash covers all
 * its ancestors), so the logs are the canonical chain's.
 *
 * <p>While the indexer is behind, the next range is fetched on a virtual thread while the current
 * one is written: the node's work (and parsing its answer) overlaps the database's. Only the
 * indexer thread calls this class; a prefetch nobody takes is simply dropped.
 */
final class RangeFetcher {

  /** The logs of blocks {@code from..to} and the hash {@code to} had just before they were read. */
  record Fetched(long from, long to, String anchorHash, List<ChainLog> logs) {}

  private record Ahead(long from, long to, CompletableFuture<Fetched> result) {}

  private static final Comparator<ChainLog> CHAIN_ORDER = Comparator.comparingLong(ChainLog::blockNumber).thenComparingInt(ChainLog::logIndex);
  private static final Executor PREFETCH = task -> Thread.ofVirtual().name("indexer-prefetch").start(task);

  private final ChainClient chain;
  private final List<String> ourContracts;
  private final List<String> listenerEvents;
  private final List<String> chainWideEvents;
  private @Nullable Ahead ahead;

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

  /** The range's logs: the prefetched ones if they are for exactly this range, else fetched now. Node errors are rethrown as they came. */
  Fetched fetch(long from, long to) {
    Ahead next = ahead;
    ahead = null;
    if (next != null && next.from() == from && next.to() == to) {
      try {
        return next.result().join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
    return fetchNow(from, to);
  }

  /** Starts fetching {@code from..to} in the background for the next {@link #fetch}. */
  void prefetch(long from, long to) {
    ahead = new Ahead(from, to, CompletableFuture.supplyAsync(() -> fetchNow(from, to), PREFETCH));
  }

  /** Forgets a prefetch (after a reorganisation or a disagreement, the next range is not what it was). */
  void discard() {
    ahead = null;
  }

  private Fetched fetchNow(long from, long to) {
    BigInteger last = BigInteger.valueOf(to);
    String anchor = chain.blockHashes(List.of(last)).getOrDefault(last, "");
    if (listenerEvents.isEmpty()) {
      return new Fetched(from, to, anchor, chain.logs(from, to, List.of(), chainWideEvents));
    }
    // the two queries are independent: the node may answer them side by side
    CompletableFuture<List<ChainLog>> ours = CompletableFuture.supplyAsync(() -> chain.logs(from, to, ourContracts, listenerEvents), PREFETCH);
    List<ChainLog> logs = new ArrayList<>(chain.logs(from, to, List.of(), chainWideEvents));
    try {
      logs.addAll(ours.join());
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
    // a log both queries matched (an approval on our own collection) is one log
    TreeMap<ChainLog, ChainLog> once = new TreeMap<>(CHAIN_ORDER);
    logs.forEach(log -> once.putIfAbsent(log, log));
    return new Fetched(from, to, anchor, List.copyOf(once.values()));
  }
}
