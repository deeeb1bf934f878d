package io.nfttraders.collections.internal;

import io.nfttraders.chain.ChainLog;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.indexer.IndexedLogsListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Hash;

/**
 * The factory's {@code CollectionCreated} logs, in step with the indexer: a requested collection is
 * CREATED once its log is on the canonical chain, and PENDING again if a reorganisation takes it away.
 */
@Component
class FactoryEvents implements IndexedLogsListener {

  private static final Logger log = LoggerFactory.getLogger(FactoryEvents.class);
  static final String COLLECTION_CREATED = Hash.sha3String("CollectionCreated(address,address,uint8)");

  private final JdbcClient jdbc;
  private final Address factory;

  FactoryEvents(JdbcClient jdbc, DeployedContracts contracts) {
    this.jdbc = jdbc;
    this.factory = contracts.factory().address();
  }

  @Override
  public List<String> eventTopics() {
    return List.of(COLLECTION_CREATED);
  }

  @Override
  public void apply(long chainId, long fromBlock, long toBlock, List<ChainLog> logs) {
    for (ChainLog entry : logs) {
      if (!entry.address().equals(factory) || !entry.topics().getFirst().equalsIgnoreCase(COLLECTION_CREATED)) {
        continue;
      }
      Address collection = Address.fromWord(entry.topics().get(1));
      Address owner = Address.fromWord(entry.topics().get(2));
      // the owner must match too: a clone at a requested address is only ever made by its requester's call
      int updated = jdbc.sql("""
              update creator_collections set created_block = :block, created_tx_hash = :tx
              where chain_id = :chain and address = :address and owner_address = :owner
              """)
          .param("block", entry.blockNumber()).param("tx", entry.transactionHash()).param("chain", chainId)
          .param("address", collection.hex()).param("owner", owner.hex())
          .update();
      log.info("collection created address={} owner={} block={} tx={} requestedHere={}", collection, owner, entry.blockNumber(), entry.transactionHash(),
          updated == 1);
    }
  }

  @Override
  public void rolledBack(long chainId, long ancestorBlock) {
    jdbc.sql("update creator_collections set created_block = null, created_tx_hash = null where chain_id = :chain and created_block > :block")
        .param("chain", chainId).param("block", ancestorBlock).update();
  }
}
