package io.nfttraders.metadata.internal;

import io.nfttraders.chain.ChainLog;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.indexer.IndexedLogsListener;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenView;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * Queues the metadata of every token the indexer sees minted by a contract other than our shared
 * collection (whose metadata is the minting module's), in the indexer's own transaction so that no
 * token is missed or queued twice; and makes it due again when its contract says it changed
 * (EIP-4906 {@code MetadataUpdate} and {@code BatchMetadataUpdate}, from any contract).
 */
@Component
class MetadataEvents implements IndexedLogsListener {

  private static final Logger log = LoggerFactory.getLogger(MetadataEvents.class);
  static final String METADATA_UPDATE = Numeric.toHexString(Hash.sha3("MetadataUpdate(uint256)".getBytes()));
  static final String BATCH_METADATA_UPDATE = Numeric.toHexString(Hash.sha3("BatchMetadataUpdate(uint256,uint256)".getBytes()));

  private final IndexedNfts nfts;
  private final MetadataRows rows;
  private final Set<Address> ours;

  MetadataEvents(IndexedNfts nfts, MetadataRows rows, DeployedContracts contracts) {
    this.nfts = nfts;
    this.rows = rows;
    this.ours = Set.copyOf(contracts.byName().values());
  }

  @Override
  public List<String> eventTopics() {
    return List.of();
  }

  @Override
  public List<String> chainWideEvents() {
    return List.of(METADATA_UPDATE, BATCH_METADATA_UPDATE);
  }

  @Override
  public void apply(long chainId, long fromBlock, long toBlock, List<ChainLog> logs) {
    List<TokenView> minted = nfts.mintedIn(ChainId.of(chainId), fromBlock, toBlock).stream()
        .filter(t -> !ours.contains(t.token().contract())).toList();
    rows.queue(chainId, minted.stream().map(TokenView::token).toList(), minted.stream().map(TokenView::standard).toList());
    for (ChainLog entry : logs) {
      String topic0 = entry.topics().isEmpty() ? "" : entry.topics().getFirst();
      boolean single = topic0.equalsIgnoreCase(METADATA_UPDATE);
      if (!single && !topic0.equalsIgnoreCase(BATCH_METADATA_UPDATE)) {
        continue; // almost every log: transfers
      }
      // the ids are not indexed: data holds one word (MetadataUpdate) or two (BatchMetadataUpdate); anything else is not EIP-4906
      String data = entry.data() == null ? "" : Numeric.cleanHexPrefix(entry.data());
      if (single && data.length() == 64) {
        BigInteger id = new BigInteger(data, 16);
        rows.refresh(chainId, entry.address(), id, id);
      } else if (!single && data.length() == 128) {
        int refreshed = rows.refresh(chainId, entry.address(), new BigInteger(data.substring(0, 64), 16), new BigInteger(data.substring(64), 16));
        log.debug("metadata update contract={} tokens={} block={}", entry.address(), refreshed, entry.blockNumber());
      }
    }
  }

  @Override
  public void rolledBack(long chainId, long ancestorBlock) {
    // a token whose mint was undone keeps its row: it is only ever read for tokens the indexer knows
  }
}
