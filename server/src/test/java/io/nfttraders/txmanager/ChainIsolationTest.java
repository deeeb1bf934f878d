package io.nfttraders.txmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainContracts;
import io.nfttraders.chain.Chains;
import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.WalletId;
import io.nfttraders.support.Api;
import io.nfttraders.support.EmbeddedAnvil;
import io.nfttraders.support.StandaloneServer;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.utils.Numeric;

/**
 * Each chain has a transaction pipeline of its own: a node that stops answering holds up its own
 * chain's transactions only, and they complete, nonce after nonce, once it answers again; a request
 * that needs it meanwhile is a 503 naming the chain.
 */
class ChainIsolationTest {

  /** supportsInterface(ERC-721): a call every collection answers, whatever the wallet. */
  private static final byte[] HARMLESS_CALL = Numeric.hexStringToByteArray("0x01ffc9a780ac58cd00000000000000000000000000000000000000000000000000000000");

  @TempDir Path data;

  @Test
  void aStalledLayerOneHoldsUpOnlyItsOwnTransactionsWhichCompleteWhenItIsBack() {
    try (StandaloneServer server = StandaloneServer.start(data, "--nft.chains.dev.rpc-timeout=1s",
        "--nft.chains.dev-l2.rpc-timeout=20s")) {
      Api api = server.api();
      Api.Session user = api.newUser();
      WalletId wallet = new WalletId(api.get("/api/v1/user/profile", user.accessToken()).json().get("walletIndex").asLong());
      Address address = Address.of(user.walletAddress());
      Chains chains = server.bean(Chains.class);
      Chains.Chain layer1 = chains.defaultChain();
      Chains.Chain layer2 = chains.all().stream().filter(c -> c != layer1).findFirst().orElseThrow();
      for (Chains.Chain chain : chains.all()) {
        await().atMost(Duration.ofSeconds(30)).until(() -> chain.client().balance(address).signum() > 0);
      }
      TransactionManager manager = server.bean(TransactionManager.class);
      ChainContracts contracts = server.bean(ChainContracts.class);
      EmbeddedAnvil layer1Anvil = EmbeddedAnvil.of(data, layer1.properties().id());

      layer1Anvil.pause();
      List<TransactionId> onLayer1;
      List<TransactionId> onLayer2;
      try {
        onLayer1 = enqueue(manager, layer1, contracts, wallet, 3);
        onLayer2 = enqueue(manager, layer2, contracts, wallet, 3);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> allConfirmed(manager, onLayer2));
        assertThat(onLayer1).noneMatch(id -> manager.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED);
        assertThat(layer2.client().pendingNonce(address)).isEqualTo(BigInteger.valueOf(3));

        // a request that needs the stalled node says which chain, and nothing about the node
        Api.Response balances = api.get("/api/v1/wallet", user.accessToken());
        assertThat(balances.status()).isEqualTo(503);
        assertThat(balances.contentType()).startsWith("application/problem+json");
        assertThat(balances.text("type")).endsWith("/chain-unavailable");
        assertThat(balances.json().get("chainId").asLong()).isEqualTo(layer1.properties().id());
        assertThat(balances.body()).doesNotContain(Integer.toString(layer1.endpoint().rpcUrl().getPort()));
      } finally {
        layer1Anvil.resume();
      }

      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> allConfirmed(manager, onLayer1));
      assertThat(layer1.client().pendingNonce(address)).as("no nonce skipped or used twice on the layer 1").isEqualTo(BigInteger.valueOf(3));
      assertThat(layer2.client().pendingNonce(address)).isEqualTo(BigInteger.valueOf(3));
      assertThat(onLayer1).extracting(id -> manager.find(id).orElseThrow().nonce()).containsExactly(0L, 1L, 2L);
      assertThat(onLayer2).extracting(id -> manager.find(id).orElseThrow().nonce()).containsExactly(0L, 1L, 2L);
      assertThat(onLayer2).allMatch(id -> manager.find(id).orElseThrow().chainId().value() == layer2.properties().id());

      // a stalled layer 2 leaves the server ready, and readiness does not wait for the node's RPC timeout (20 s here)
      EmbeddedAnvil layer2Anvil = EmbeddedAnvil.of(data, layer2.properties().id());
      layer2Anvil.pause();
      try {
        long asked = System.nanoTime();
        Api.Response readiness = api.get("/actuator/health/readiness", null);
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(10));
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("components").get("chain").get("status").asString()).isEqualTo("UP");
      } finally {
        layer2Anvil.resume();
      }
    }
  }

  private static List<TransactionId> enqueue(TransactionManager manager, Chains.Chain chain, ChainContracts contracts, WalletId wallet, int count) {
    Address collection = contracts.find(chain.id()).orElseThrow().collection().address();
    return IntStream.range(0, count).mapToObj(i -> manager.enqueue(chain.id(), new TransactionIntent("TEST", wallet, collection, BigInteger.ZERO,
        HARMLESS_CALL, BigInteger.valueOf(60_000), Optional.empty(), "isolation " + i, Optional.empty()))).toList();
  }

  private static boolean allConfirmed(TransactionManager manager, List<TransactionId> ids) {
    return ids.stream().allMatch(id -> manager.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED);
  }

}
