package io.nfttraders.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class ChainAndHealthTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;

  @Test
  void listsTheChainWithOurDeployedContractsPublicly() {
    Api.Response r = new Api(port).get("/api/v1/chains", null);
    assertThat(r.status()).isEqualTo(200);
    JsonNode first = r.json().get(0);
    assertThat(first.get("id").asLong()).isEqualTo(31337);
    assertThat(first.get("rpcUrl").asString()).isEqualTo(chain.endpoint().rpcUrl().toString());
    String collection = first.get("contracts").get("Collection").asString();
    assertThat(chain.hasCode(Address.of(collection))).as("contract code on chain").isTrue();
    // the collection's name() straight from the chain: "NFT Traders"
    String name = chain.call(Address.of(collection), Numeric.hexStringToByteArray("0x06fdde03"));
    assertThat(new String(org.web3j.utils.Numeric.hexStringToByteArray(name))).contains("NFT Traders");
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
