package io.nfttraders.txmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.StandaloneServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.utils.Numeric;

/**
 * A transaction the node refuses for good fails, but its nonce is not left as a gap: a no-op
 * takes it, and the sender's later transactions go through.
 */
class NodeRefusalTest {

  private static final byte[] HARMLESS_CALL = Numeric.hexStringToByteArray("0x01ffc9a780ac58cd00000000000000000000000000000000000000000000000000000000");

  @TempDir Path data;

  @Test
  void aTransactionRefusedForGoodHandsItsNonceToANoOpAndLaterOnesConfirm() {
    try (StandaloneServer server = StandaloneServer.start(data, "--nft.txmanager.refusals-before-filling-nonce=2", "--nft.txmanager.max-backoff=200ms")) {
      TransactionManager manager = server.bean(TransactionManager.class);
      ChainClient chain = server.bean(ChainClient.class);
      String collection = server.bean(DeployedContracts.class).collection().address().checksummed();
      String platform = server.bean(CustodialWallets.class).platformWallet().address().checksummed();
      JdbcClient jdbc = server.bean(JdbcClient.class);
      // start-up work of the platform wallet (e.g. configuring the exchange's fees) must not count below
      await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select count(*) from chain_transactions where status not in ('CONFIRMED', 'FAILED')")
          .query(Long.class).single() == 0);
      BigInteger nonceBefore = chain.pendingNonce(Address.of(platform));

      // more gas than a block holds: the node refuses these bytes, every time
      TransactionId hopeless = manager.enqueue(new TransactionIntent("TEST", PlatformWallet.ID, Address.of(collection), BigInteger.ZERO, HARMLESS_CALL,
          BigInteger.valueOf(1_000_000_000L), Optional.empty(), "refused for good", Optional.empty()));
      await().atMost(Duration.ofSeconds(10)).until(() -> manager.find(hopeless).orElseThrow().nonce() != null);
      TransactionId next = manager.enqueue(new TransactionIntent("TEST", PlatformWallet.ID, Address.of(collection), BigInteger.ZERO, HARMLESS_CALL,
          BigInteger.valueOf(60_000), Optional.empty(), "after the refused one", Optional.empty()));

      await().atMost(Duration.ofSeconds(60)).until(() -> manager.find(next).orElseThrow().status() == TransactionStatus.CONFIRMED);
      TransactionView refused = manager.find(hopeless).orElseThrow();
      assertThat(refused.status()).isEqualTo(TransactionStatus.FAILED);
      assertThat(refused.history().toString()).contains("handed to no-op");
      await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("select status from chain_transactions where kind = 'NONCE_FILLER'")
          .query(String.class).single().equals("CONFIRMED"));
      // the chain used both nonces: the filler's and the next transaction's
      assertThat(chain.pendingNonce(Address.of(platform))).isEqualTo(nonceBefore.add(BigInteger.TWO));
    }
  }
}
