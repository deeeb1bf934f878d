package io.nfttraders.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.StandaloneServer;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import io.nfttraders.txmanager.TransactionView;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Response;

/**
 * A mint is mined, then the chain reorganises (anvil: revert to a snapshot taken before it, and
 * mine a longer chain without it). The indexer must drop the token, the transaction must go back
 * to SENT; the transaction manager broadcasts it again, and once mined anew it is indexed and
 * confirmed on the new chain.
 */
class ReorgTest {

  static final class Quantity extends Response<String> {}

  @TempDir Path data;

  @Test
  void aMintReorganisedAwayIsRolledBackThenMinedAgainAndConfirmed() {
    try (StandaloneServer server = StandaloneServer.start(data, "--nft.txmanager.confirmations=3", "--nft.txmanager.rebroadcast-after=4s")) {
      ChainClient chain = server.bean(ChainClient.class);
      TransactionManager transactions = server.bean(TransactionManager.class);
      IndexedNfts nfts = server.bean(IndexedNfts.class);
      String collection = server.bean(DeployedContracts.class).collection().address().checksummed();
      String owner = "0x00000000000000000000000000000000000000b0";

      String snapshot = chain.request("evm_snapshot", List.of(), Quantity.class).getResult();
      TransactionId id = transactions.enqueue(new TransactionIntent("TEST_MINT", PlatformWallet.ID, Address.of(collection), BigInteger.ZERO,
          CollectionAbi.mint(owner, org.web3j.crypto.Hash.sha3("reorg".getBytes())), BigInteger.valueOf(200_000), Optional.empty(), "reorg test", Optional.empty()));
      await().atMost(Duration.ofSeconds(30)).until(() -> transactions.find(id).orElseThrow().status() == TransactionStatus.MINED);
      String hash = transactions.find(id).orElseThrow().hash();
      await().atMost(Duration.ofSeconds(30)).until(() -> nfts.mintedBy(hash).size() == 1);
      long firstBlock = nfts.mintedBy(hash).getFirst().mintedBlock();

      chain.request("evm_revert", List.of(snapshot), Response.class);
      chain.request("anvil_mine", List.of("0x3"), Response.class);

      await().atMost(Duration.ofSeconds(30)).until(() -> nfts.mintedBy(hash).isEmpty());
      await().atMost(Duration.ofSeconds(30)).until(() -> history(transactions, id).contains("reorganised away"));

      // broadcast again by the manager, mined in the new chain; more blocks bring confirmations
      await().atMost(Duration.ofSeconds(60)).until(() -> nfts.mintedBy(hash).size() == 1);
      chain.request("anvil_mine", List.of("0x3"), Response.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> transactions.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED);

      TokenView token = nfts.mintedBy(hash).getFirst();
      assertThat(token.owner()).isEqualTo(Address.of(owner));
      assertThat(token.mintedBlock()).isNotEqualTo(firstBlock);
      assertThat(CollectionAbi.ownerOf(chain, collection, token.token().tokenId())).isEqualToIgnoringCase(owner);
      assertThat(transactions.find(id).orElseThrow().blockNumber()).isEqualTo(token.mintedBlock());
    }
  }

  private static String history(TransactionManager transactions, TransactionId id) {
    TransactionView tx = transactions.find(id).orElseThrow();
    return tx.history().toString();
  }
}
