package io.nfttraders.indexer;

import io.nfttraders.chain.ChainLog;
import java.util.List;

/**
 * Lets another capability derive its own state from the chain's logs in step with the indexer:
 * it is called inside the database transaction that stores a block range (so its state and the
 * indexer's cursor commit together, exactly once), and inside the one that undoes a reorganisation.
 */
public interface IndexedLogsListener {

  /** Topic-0 values (event signature hashes) this listener needs of our contracts, besides the indexer's own. */
  List<String> eventTopics();

  /**
   * Topic-0 values this listener needs from every contract of the chain: rare events only (such
   * as approvals, which it filters itself), read in the same query as every contract's transfers.
   */
  default List<String> chainWideEvents() {
    return List.of();
  }

  /**
   * The canonical logs of blocks {@code fromBlock..toBlock} (our contracts' logs, every NFT
   * contract's transfers, and the {@link #chainWideEvents}), in chain order, after the indexer
   * applied their transfers (so owners read from {@link IndexedNfts} are as of {@code toBlock}).
   */
  void apply(long chainId, long fromBlock, long toBlock, List<ChainLog> logs);

  /** Everything derived from blocks above {@code ancestorBlock} must be undone. */
  void rolledBack(long chainId, long ancestorBlock);
}
