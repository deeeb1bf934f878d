package io.nfttraders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.StandaloneServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping and starting the server on the same data directory keeps users, wallets and the chain. */
class RestartTest {

  @TempDir Path data;

  @Test
  void usersWalletsContractsAndBalancesSurviveARestart() {
    Api.Session alice;
    String collection;
    BigInteger balance;
    BigInteger block;
    try (StandaloneServer first = StandaloneServer.start(data)) {
      alice = first.api().newUser();
      ChainClient chain = first.bean(ChainClient.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> chain.balance(Address.of(alice.walletAddress())).signum() > 0);
      balance = chain.balance(Address.of(alice.walletAddress()));
      block = chain.blockNumber();
      collection = first.bean(DeployedContracts.class).collection().address().checksummed();
    }

    try (StandaloneServer second = StandaloneServer.start(data)) {
      Api api = second.api();
      Api.Response login = api.postJson("/api/v1/auth/login", Map.of("email", alice.email(), "password", alice.password()), null);
      assertThat(login.status()).isEqualTo(200);
      Api.Response profile = api.get("/api/v1/user/profile", login.text("accessToken"));
      assertThat(profile.text("walletAddress")).isEqualTo(alice.walletAddress());
      // an access token issued before the restart is still valid: the signing key was kept
      assertThat(api.get("/api/v1/user/profile", alice.accessToken()).status()).isEqualTo(200);

      ChainClient chain = second.bean(ChainClient.class);
      assertThat(second.bean(DeployedContracts.class).collection().address().checksummed()).isEqualTo(collection);
      assertThat(chain.hasCode(Address.of(collection))).isTrue();
      assertThat(chain.balance(Address.of(alice.walletAddress()))).isEqualTo(balance);
      assertThat(chain.blockNumber()).isGreaterThanOrEqualTo(block);
    }
  }
}
