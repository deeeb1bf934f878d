package io.nfttraders.txmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.WalletId;
import io.nfttraders.support.Api;
import io.nfttraders.support.StandaloneServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/**
 * Two server instances on one database and one chain send transactions of the same wallet at the
 * same time: every nonce is used exactly once, without gaps.
 */
class MultiInstanceTest {

  private static final byte[] HARMLESS_CALL = Numeric.hexStringToByteArray("0x01ffc9a780ac58cd00000000000000000000000000000000000000000000000000000000");

  @TempDir Path first;
  @TempDir Path second;

  @Test
  void twoInstancesShareTheNonceSequenceOfAWallet() throws Exception {
    try (StandaloneServer a = StandaloneServer.start(first)) {
      ChainClient chain = a.bean(ChainClient.class);
      String jdbcUrl = a.bean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
      try (StandaloneServer b = StandaloneServer.start(second,
          "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
          "--nft.chains.dev.rpc-url=" + chain.endpoint().rpcUrl(), "--nft.chains.dev-l2.rpc-url=" + layer2(a).endpoint().rpcUrl(),
          "--nft.custody.local-keyset=" + first.resolve("keys/kek.json"))) {
        Api api = a.api();
        Api.Session user = api.newUser();
        WalletId wallet = new WalletId(api.get("/api/v1/user/profile", user.accessToken()).json().get("walletIndex").asLong());
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.balance(Address.of(user.walletAddress())).signum() > 0);
        String collection = a.bean(DeployedContracts.class).collection().address().checksummed();
        assertThat(b.bean(DeployedContracts.class).collection().address().checksummed()).isEqualTo(collection);

        TransactionIntent intent = new TransactionIntent("TEST", wallet, Address.of(collection), BigInteger.ZERO, HARMLESS_CALL, BigInteger.valueOf(60_000),
            Optional.of(user.userId()), "two instances", Optional.empty());
        ConcurrentLinkedQueue<TransactionId> ids = new ConcurrentLinkedQueue<>();
        try (var pool = Executors.newFixedThreadPool(8)) {
          IntStream.range(0, 120).forEach(i -> pool.submit(() -> ids.add((i % 2 == 0 ? a : b).bean(TransactionManager.class).enqueue(intent))));
        }
        TransactionManager manager = a.bean(TransactionManager.class);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
            .until(() -> ids.stream().allMatch(id -> manager.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED));

        List<Long> nonces = ids.stream().map(id -> manager.find(id).orElseThrow().nonce()).sorted().toList();
        assertThat(nonces).isEqualTo(IntStream.range(0, 120).mapToObj(Long::valueOf).toList());
        assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).isEqualTo(BigInteger.valueOf(120));
      }
    }
  }

  private static Chains.Chain layer2(StandaloneServer server) {
    return server.bean(Chains.class).all().stream().filter(c -> c.key().equals("dev-l2")).findFirst().orElseThrow();
  }
}
