package io.nfttraders.txmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.support.StandaloneServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/** A transaction the chain does not mine is broadcast again, then replaced at its nonce with higher fees. */
class StuckTransactionTest {

  private static final byte[] HARMLESS_CALL = Numeric.hexStringToByteArray("0x01ffc9a780ac58cd00000000000000000000000000000000000000000000000000000000");

  @TempDir Path data;

  @Test
  void aTransactionThatIsNotMinedIsReplacedWithBumpedFeesAndTheReplacementSettlesIt() {
    try (StandaloneServer server = StandaloneServer.start(data, "--nft.txmanager.rebroadcast-after=1s", "--nft.txmanager.replace-after=3s")) {
      ChainClient chain = server.bean(ChainClient.class);
      TransactionManager manager = server.bean(TransactionManager.class);
      chain.request("evm_setAutomine", List.of(false), Response.class);

      TransactionId id = manager.enqueue(new TransactionIntent("TEST", PlatformWallet.ID, server.bean(DeployedContracts.class).collection().address(),
          BigInteger.ZERO, HARMLESS_CALL, BigInteger.valueOf(60_000), Optional.empty(), "stuck test", Optional.empty()));
      await().atMost(Duration.ofSeconds(10)).until(() -> manager.find(id).orElseThrow().status() == TransactionStatus.SENT);
      String firstHash = manager.find(id).orElseThrow().hash();

      await().atMost(Duration.ofSeconds(20)).until(() -> manager.find(id).orElseThrow().history().toString().contains("replaced with higher fees"));
      String replacement = manager.find(id).orElseThrow().hash();
      assertThat(replacement).isNotEqualTo(firstHash);

      chain.request("evm_mine", List.of(), Response.class);
      await().atMost(Duration.ofSeconds(20)).until(() -> manager.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED);
      TransactionView done = manager.find(id).orElseThrow();
      assertThat(done.hash()).isEqualTo(replacement);
      assertThat(chain.receipt(replacement)).isPresent();
      assertThat(chain.receipt(firstHash)).as("the first version never made it").isEmpty();
    }
  }
}
