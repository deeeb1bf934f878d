package io.nfttraders.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class ChainAndHealthTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired Chains chains;

  @Test
  void listsBothDevChainsTheLayerOneFirstWithOurContractsDeployedOnEach() {
    Api.Response r = new Api(port).get("/api/v1/chains", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().size()).isEqualTo(2);
    JsonNode first = r.json().get(0);
    assertThat(first.get("id").asLong()).isEqualTo(31337);
    assertThat(first.get("kind").asString()).isEqualTo("L1");
    assertThat(first.get("defaultChain").asBoolean()).isTrue();
    JsonNode second = r.json().get(1);
    assertThat(second.get("id").asLong()).isEqualTo(845337);
    assertThat(second.get("kind").asString()).isEqualTo("OP_STACK_L2");
    assertThat(second.get("defaultChain").asBoolean()).isFalse();
    for (JsonNode listed : r.json()) {
      Chains.Chain node = chains.find(ChainId.of(listed.get("id").asLong())).orElseThrow();
      assertThat(listed.get("rpcUrl").asString()).isEqualTo(node.endpoint().rpcUrl().toString());
      // asked of the node itself, not of our configuration
      assertThat(node.client().chainId()).isEqualTo(listed.get("id").asLong());
      String collection = listed.get("contracts").get("Collection").asString();
      assertThat(node.client().hasCode(Address.of(collection))).as("contract code on chain %s", listed.get("id")).isTrue();
      // the collection's name() straight from the chain: "NFT Traders"
      String name = node.client().call(Address.of(collection), Numeric.hexStringToByteArray("0x06fdde03"));
      assertThat(new String(Numeric.hexStringToByteArray(name))).contains("NFT Traders");
      assertThat(listed.get("contracts").get("Exchange").asString()).satisfies(exchange -> assertThat(node.client().hasCode(Address.of(exchange))).isTrue());
    }
  }

  @Test
  void fundsANewCustodialWalletOnEveryDevChain() {
    Api.Session user = new Api(port).newUser();
    for (Chains.Chain node : chains.all()) {
      await().atMost(Duration.ofSeconds(30)).untilAsserted(
          () -> assertThat(node.client().balance(Address.of(user.walletAddress()))).as("balance on chain %s", node.id()).isPositive());
    }
  }

  @Test
  void reportsReadinessWithDatabaseAndChain() {
    Api api = new Api(port);
    Api.Response readiness = api.get("/actuator/health/readiness", null);
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    assertThat(readiness.json().get("components").has("db")).isTrue();
    assertThat(readiness.json().get("components").get("chain").get("status").asString()).isEqualTo("UP");
    assertThat(readiness.json().get("components").get("transactionPipeline").get("status").asString()).isEqualTo("UP");
    assertThat(readiness.json().get("components").get("indexer").get("status").asString()).isEqualTo("UP");
    assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
  }

  @Test
  void exposesPrometheusMetricsToAdminsOnly() {
    Api api = new Api(port);
    assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
    String credentials = "{\"email\":\"ops@nfttraders.test\",\"password\":\"the operator passphrase\"}";
    assertThat(api.post("/api/v1/auth/signup", credentials, null).status()).isEqualTo(201);
    String admin = api.post("/api/v1/auth/login", credentials, null).text("accessToken");
    Api.Response r = api.get("/actuator/prometheus", admin);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("jvm_memory_used_bytes", "nft_indexer_block");
  }
}
