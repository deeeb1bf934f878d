package io.nfttraders.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.WalletInterop;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * Sign-In with Ethereum against an independent implementation: the official `siwe` npm library with
 * `ethers` (pinned in src/test/node/wallet-interop). A message it builds and signs signs in here, and
 * the message our web app builds parses there into the same fields and prints back byte for byte.
 */
@MarketplaceTest
class SiweInteropTest {

  @LocalServerPort int port;
  @Autowired DeployedContracts contracts;

  @BeforeAll
  static void installTheReferenceLibrary() throws Exception {
    WalletInterop.install();
  }

  @Test
  void aMessageBuiltAndSignedByTheSiweLibraryWithEthersSignsIn() throws Exception {
    Api api = new Api(port);
    ECKeyPair key = Keys.createEcKeyPair();
    String nonce = api.get("/api/v1/auth/siwe/nonce", null).text("nonce");
    JsonNode signed = node("sign", Map.of("domain", "localhost:" + port, "uri", "http://localhost:" + port, "chainId", contracts.chainId().value(),
        "nonce", nonce, "privateKey", Numeric.toHexStringWithPrefixZeroPadded(key.getPrivateKey(), 64)));
    assertThat(signed.get("address").asString()).isEqualTo(Keys.toChecksumAddress(Keys.getAddress(key)));

    Api.Response tokens = api.postJson("/api/v1/auth/siwe", Map.of("message", signed.get("message").asString(), "signature",
        signed.get("signature").asString()), null);
    assertThat(tokens.status()).as(tokens.body()).isEqualTo(200);
    JsonNode profile = api.get("/api/v1/user/profile", tokens.text("accessToken")).json();
    assertThat(profile.get("role").asString()).isEqualTo("SELF_CUSTODY");
    assertThat(profile.get("address").asString()).isEqualTo(signed.get("address").asString());
  }

  @Test
  void theWebAppsMessageParsesWithTheSiweLibraryIntoTheSameFieldsAndPrintsBackIdentically() throws Exception {
    Instant issued = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (int i = 0; i < 4; i++) {
      String address = Keys.getAddress(Keys.createEcKeyPair());
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("domain", i % 2 == 0 ? "localhost:" + port : "market.example.com");
      fields.put("address", "0x" + address);
      fields.put("statement", "Sign in to NFT Traders.");
      fields.put("uri", i % 2 == 0 ? "http://localhost:" + port : "https://market.example.com/login?next=%2Fme");
      fields.put("chainId", i == 3 ? 1 : contracts.chainId().value());
      fields.put("nonce", "n0nce" + "abcdefghijklmnopqrs".substring(i));
      fields.put("issuedAt", issued.toString());
      fields.put("expirationTime", issued.plusSeconds(600).toString());

      JsonNode answer = node("webapp", fields);
      assertThat(answer.get("reprinted").asString()).isEqualTo(answer.get("ours").asString());
      assertThat(answer.get("ourChecksum").asString()).isEqualTo(answer.get("ethersChecksum").asString()).isEqualTo(Keys.toChecksumAddress(address));
      JsonNode parsed = answer.get("parsed");
      assertThat(parsed.get("address").asString()).isEqualTo(Keys.toChecksumAddress(address));
      assertThat(parsed.get("domain").asString()).isEqualTo(fields.get("domain"));
      assertThat(parsed.get("uri").asString()).isEqualTo(fields.get("uri"));
      assertThat(parsed.get("chainId").asLong()).isEqualTo(((Number) fields.get("chainId")).longValue());
      assertThat(parsed.get("nonce").asString()).isEqualTo(fields.get("nonce"));
      assertThat(parsed.get("statement").asString()).isEqualTo("Sign in to NFT Traders.");
      assertThat(parsed.get("version").asString()).isEqualTo("1");
      assertThat(Instant.parse(parsed.get("issuedAt").asString())).isEqualTo(issued);
      assertThat(Instant.parse(parsed.get("expirationTime").asString())).isEqualTo(issued.plusSeconds(600));
    }
  }

  private static JsonNode node(String command, Map<String, Object> input) throws Exception {
    return WalletInterop.call("interop.mjs", command, Api.JSON.writeValueAsString(input));
  }
}
