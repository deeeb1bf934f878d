package io.nfttraders.minting.internal;

import io.nfttraders.chain.ChainLog;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.indexer.IndexedLogsListener;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * A lazy mint is REDEEMED (with its token) when the exchange's {@code VoucherRedeemed} is indexed,
 * whoever redeemed it, and OPEN again if a reorganisation undoes that.
 */
@Component
class LazyMintEvents implements IndexedLogsListener {

  private static final Logger log = LoggerFactory.getLogger(LazyMintEvents.class);
  static final String VOUCHER_REDEEMED = Numeric.toHexString(
      Hash.sha3("VoucherRedeemed(bytes32,address,address,address,uint256,uint256,address,uint256)".getBytes()));

  private final JdbcClient jdbc;
  private final io.nfttraders.ethereum.Address exchange;

  LazyMintEvents(JdbcClient jdbc, DeployedContracts contracts) {
    this.jdbc = jdbc;
    this.exchange = contracts.exchange();
  }

  @Override
  public List<String> eventTopics() {
    return List.of(VOUCHER_REDEEMED);
  }

  @Override
  public void apply(long chainId, long fromBlock, long toBlock, List<ChainLog> logs) {
    for (ChainLog entry : logs) {
      if (!entry.address().equals(exchange) || entry.topics().size() != 4 || !entry.topics().getFirst().equalsIgnoreCase(VOUCHER_REDEEMED)) {
        continue;
      }
      String data = Numeric.cleanHexPrefix(entry.data());
      BigInteger tokenId = new BigInteger(data.substring(64, 128), 16);
      String buyer = "0x" + entry.topics().get(3).substring(26).toLowerCase();
      int updated = jdbc.sql("""
              update lazy_mints set state = 'REDEEMED', buyer = :buyer, token_id = :token, redeemed_block = :block
              where chain_id = :chain and voucher_hash = :hash
              """)
          .param("buyer", buyer).param("token", new BigDecimal(tokenId)).param("block", entry.blockNumber()).param("chain", chainId)
          .param("hash", entry.topics().get(1).toLowerCase())
          .update();
      log.info("lazy mint redeemed voucherHash={} tokenId={} buyer={} tx={} known={}", entry.topics().get(1), tokenId, buyer, entry.transactionHash(),
          updated == 1);
    }
  }

  @Override
  public void rolledBack(long chainId, long ancestorBlock) {
    jdbc.sql("""
            update lazy_mints set state = case when redeem_transaction_id is null then 'OPEN' else 'REDEEMING' end, buyer = null, token_id = null,
              redeemed_block = null
            where chain_id = :chain and redeemed_block > :block
            """)
        .param("chain", chainId).param("block", ancestorBlock).update();
  }
}
