package io.nfttraders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainEndpoint;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.ServerProcess;
import io.nfttraders.support.TestImages;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * SIGKILL the database and then the server while mints are being accepted and sent; after a restart
 * on the same data directory every mint that was answered 202 is confirmed, and the chain holds each
 * exactly once. (The dev chain keeps running, as a remote node would.)
 */
class CrashRecoveryIT {

  @TempDir Path data;

  @Test
  void everyAcceptedMintIsConfirmedExactlyOnceAfterSigkillOfDatabaseAndServer() throws Exception {
    Set<String> accepted = ConcurrentHashMap.newKeySet();
    Api.Session user;
    try (ServerProcess first = ServerProcess.start(data)) {
      Api api = first.api();
      user = api.newUser();
      AtomicInteger n = new AtomicInteger();
      ExecutorService clients = Executors.newFixedThreadPool(6);
      for (int c = 0; c < 6; c++) {
        clients.submit(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            try {
              Api.Response r = api.mint(user.accessToken(), TestImages.png(), "{\"name\":\"crash #" + n.incrementAndGet() + "\"}", null);
              if (r.status() == 202) {
                accepted.add(r.text("transactionId"));
              }
            } catch (RuntimeException connectionLost) {
              return;
            }
          }
        });
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> accepted.size() >= 30);
      // the database first: a mint it acknowledged but had not flushed would be lost here
      first.killDatabase();
      first.kill();
      clients.shutdownNow();
      clients.awaitTermination(30, TimeUnit.SECONDS);
    }
    assertThat(accepted).hasSizeGreaterThanOrEqualTo(30);

    try (ServerProcess second = ServerProcess.start(data)) {
      Api api = second.api();
      String token = api.postJson("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password()), null).text("accessToken");
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> accepted.stream()
          .allMatch(id -> "CONFIRMED".equals(api.get("/api/v1/transactions/" + id, token).text("status"))));

      List<JsonNode> mints = api.get("/api/v1/user/transactions?limit=200", token).json().valueStream()
          .filter(tx -> tx.get("kind").asString().equals("MINT")).toList();
      assertThat(mints).allMatch(tx -> tx.get("status").asString().equals("CONFIRMED"));
      assertThat(mints.stream().map(tx -> tx.get("nonce").asLong()).distinct().count()).isEqualTo(mints.size());

      JsonNode chainInfo = api.get("/api/v1/chains", null).json().get(0);
      try (ChainClient chain = new ChainClient(new ChainEndpoint(31337, URI.create(chainInfo.get("rpcUrl").asString()), true), Duration.ofSeconds(10))) {
        String collection = chainInfo.get("contracts").get("Collection").asString();
        // exactly once: the wallet holds one token per mint transaction, and sent nothing else
        assertThat(CollectionAbi.balanceOf(chain, collection, user.walletAddress())).isEqualTo(BigInteger.valueOf(mints.size()));
        assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).isEqualTo(BigInteger.valueOf(mints.size()));
      }
    }
  }
}
