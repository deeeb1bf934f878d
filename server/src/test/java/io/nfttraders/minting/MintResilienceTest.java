package io.nfttraders.minting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.EmbeddedAnvil;
import io.nfttraders.support.StandaloneServer;
import io.nfttraders.support.TestImages;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MintResilienceTest {

  @TempDir Path data;

  @Test
  void mintsQueuedWhileTheNodeIsDownCompleteWhenItIsBack() throws Exception {
    try (StandaloneServer server = StandaloneServer.start(data, "--nft.chains.dev.rpc-timeout=1s")) {
      Api api = server.api();
      Api.Session user = api.newUser();
      EmbeddedAnvil anvil = EmbeddedAnvil.of(data, 31337);
      // the wallet's sign-up funding must reach the node before it stops: the mints pay their own gas
      ChainClient node = server.bean(ChainClient.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> node.balance(Address.of(user.walletAddress())).signum() > 0);

      anvil.pause(); // the node stops answering: calls time out
      List<String> accepted = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          Api.Response r = api.mint(user.accessToken(), TestImages.png(), "{\"name\":\"outage " + i + "\"}", null);
          assertThat(r.status()).isEqualTo(202);
          accepted.add(r.text("transactionId"));
        }
        Thread.sleep(3000);
        assertThat(accepted).allMatch(id -> !"CONFIRMED".equals(api.get("/api/v1/transactions/" + id, user.accessToken()).text("status")));
      } finally {
        anvil.resume();
      }

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> accepted.stream()
          .allMatch(id -> "CONFIRMED".equals(api.get("/api/v1/transactions/" + id, user.accessToken()).text("status"))));
      ChainClient chain = server.bean(ChainClient.class);
      String collection = server.bean(DeployedContracts.class).collection().address().checksummed();
      assertThat(CollectionAbi.balanceOf(chain, collection, user.walletAddress())).isEqualTo(BigInteger.valueOf(5));
      assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).isEqualTo(BigInteger.valueOf(5));
    }
  }

  @Test
  void sponsoredMintsAreSignedAndPaidByThePlatform() {
    try (StandaloneServer server = StandaloneServer.start(data, "--nft.minting.mode=SPONSORED")) {
      Api api = server.api();
      Api.Session user = api.newUser();
      Api.Response r = api.mint(user.accessToken(), TestImages.png(), "{\"name\":\"on the house\"}", null);
      assertThat(r.status()).isEqualTo(202);
      assertThat(r.text("mode")).isEqualTo("SPONSORED");
      await().atMost(Duration.ofSeconds(60))
          .until(() -> "CONFIRMED".equals(api.get("/api/v1/transactions/" + r.text("transactionId"), user.accessToken()).text("status")));

      ChainClient chain = server.bean(ChainClient.class);
      String collection = server.bean(DeployedContracts.class).collection().address().checksummed();
      assertThat(CollectionAbi.balanceOf(chain, collection, user.walletAddress())).isEqualTo(BigInteger.ONE);
      assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).as("the user sent nothing").isZero();
      assertThat(api.get("/api/v1/transactions/" + r.text("transactionId"), user.accessToken()).text("from"))
          .isNotEqualToIgnoringCase(user.walletAddress());
    }
  }
}
