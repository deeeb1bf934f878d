package io.nfttraders.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.TestContracts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/**
 * Sign-In with Ethereum (EIP-4361) for people who keep their own key: a message naming this
 * server, its chain and a nonce it issued, signed with personal_sign (EIP-191), buys the same
 * session tokens as a password, for an account the custodial signer never signs for.
 */
@MarketplaceTest
class SignInWithEthereumTest {

  @LocalServerPort int port;
  @Autowired DeployedContracts contracts;
  @Autowired ChainClient chain;
  Api api;
  Credentials key;
  String address;

  @BeforeEach
  void setUp() throws Exception {
    api = new Api(port);
    key = Credentials.create(Keys.createEcKeyPair());
    address = Keys.toChecksumAddress(key.getAddress());
  }

  @Test
  void aMessageSignedByTheAddressSignsItInToASelfCustodyAccountWithoutACustodialWallet() {
    String message = message(Map.of());
    Api.Response signedIn = signIn(message, sign(key, message));
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    String token = signedIn.text("accessToken");
    assertThat(signedIn.text("refreshToken")).isNotBlank();

    Api.Response profile = api.get("/api/v1/user/profile", token);
    assertThat(profile.text("role")).isEqualTo("SELF_CUSTODY");
    assertThat(profile.text("address")).isEqualTo(address);
    assertThat(profile.json().has("walletAddress")).as("no custodial wallet").isFalse();
    assertThat(profile.json().has("email")).isFalse();

    // the custodial signer is never used for this account: every custodial action is refused
    Api.Response wrap = api.postJson("/api/v1/wallet/wrap", Map.of("amount", "0.1"), token);
    assertThat(wrap.status()).as(wrap.body()).isEqualTo(409);
    assertThat(wrap.text("type")).endsWith("no-custodial-wallet");

    // what it signs must be its own address's: another's signature is consent, not this account's order or bid
    String someoneElse = Keys.toChecksumAddress("0x00000000000000000000000000000000000b0b05");
    Api.Response offer = api.postJson("/api/v1/offers", Map.of("collection", contracts.collection().address().checksummed(), "tokenId", "1", "price", "0.1",
        "maker", someoneElse, "salt", "1", "counter", "0", "signature", "0x" + "11".repeat(65)), token);
    assertThat(offer.status()).as(offer.body()).isEqualTo(400);
    assertThat(offer.text("detail")).contains("signs in as " + address);
    Api.Response bid = api.postJson("/api/v1/nfts/bid", Map.of("auctionId", java.util.UUID.randomUUID().toString(), "amount", "0.1",
        "bidder", someoneElse, "endTime", Instant.now().plusSeconds(3600).toString(), "salt", "1", "counter", "0", "signature", "0x" + "11".repeat(65)),
        token);
    assertThat(bid.status()).as(bid.body()).isEqualTo(400);
    assertThat(bid.text("detail")).contains("signs in as " + address);

    String again = message(Map.of());
    Api.Response second = signIn(again, sign(key, again));
    assertThat(api.get("/api/v1/user/profile", second.text("accessToken")).text("id")).as("the same account").isEqualTo(profile.text("id"));
    Api.Response refreshed = api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", second.text("refreshToken")), null);
    assertThat(refreshed.status()).as("its tokens refresh like any other").isEqualTo(200);
  }

  /** EIP-1271: the address is a contract wallet (OwnerWallet, contracts/test/contracts) that accepts its owner's signatures. */
  @Test
  void aContractWalletSignsInWhenTheWalletAcceptsTheSignature() throws Exception {
    Credentials owner = Credentials.create(Keys.createEcKeyPair());
    address = Keys.toChecksumAddress(Credentials.create(Keys.createEcKeyPair()).getAddress());
    chain.request("anvil_setCode", List.of(address, TestContracts.deployedBytecode("OwnerWallet")), AnyResponse.class);
    chain.request("anvil_setStorageAt", List.of(address, "0x0", Numeric.toHexStringWithPrefixZeroPadded(Numeric.toBigInt(owner.getAddress()), 64)),
        AnyResponse.class);

    String message = message(Map.of());
    Api.Response signedIn = signIn(message, sign(owner, message));
    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(200);
    assertThat(api.get("/api/v1/user/profile", signedIn.text("accessToken")).text("address")).isEqualTo(address);

    String another = message(Map.of());
    assertRefused(signIn(another, sign(Credentials.create(Keys.createEcKeyPair()), another)), "not by " + address);
  }

  /** Any JSON-RPC answer (anvil's cheat methods answer true or null). */
  static final class AnyResponse extends Response<Object> {}

  @Test
  void aMessageWorksOnceAndOnlyForThisServerChainAndTime() {
    String message = message(Map.of());
    String signature = sign(key, message);
    assertThat(signIn(message, signature).status()).isEqualTo(200);
    assertRefused(signIn(message, signature), "nonce");

    assertRefused(signed(Map.of("domain", "evil.example")), "not for this server");
    assertRefused(signed(Map.of("uri", "https://evil.example/login")), "URI");
    assertRefused(signed(Map.of("chainId", "1")), "chain");
    assertRefused(signed(Map.of("nonce", "Abcdefgh12345678")), "nonce");
    assertRefused(signed(Map.of("expirationTime", Instant.now().minusSeconds(5).toString())), "expired");
    assertRefused(signed(Map.of("notBefore", Instant.now().plus(Duration.ofHours(1)).toString())), "not valid before");
    assertRefused(signed(Map.of("issuedAt", Instant.now().plus(Duration.ofHours(1)).toString())), "future");
  }

  @Test
  void aSignatureByAnotherKeyOrOverOtherWordsIsRefusedAndBurnsTheNonce() throws Exception {
    String message = message(Map.of());
    Credentials other = Credentials.create(Keys.createEcKeyPair());
    assertRefused(signIn(message, sign(other, message)), "not by " + address);
    assertRefused(signIn(message, sign(key, message)), "nonce");

    String honest = message(Map.of());
    String tampered = honest.replace("Sign in to NFT Traders", "Sign in to NFT Traders and give everything away");
    assertRefused(signIn(tampered, sign(key, honest)), "not by " + address);
  }

  @Test
  void aMalformedMessageIsABadRequest() {
    String message = message(Map.of());
    assertMalformed(signIn(message.replace(address, flipCase(address)), sign(key, message)));
    assertMalformed(signIn(message.replace("\n\nURI:", "\nURI:"), sign(key, message)));
    assertMalformed(signIn(message.replace("Version: 1", "Version: 2"), sign(key, message)));
    assertMalformed(signIn(message + "\nextra", sign(key, message)));
    assertMalformed(signIn(message, "not hex"));
  }

  /** The message a wallet would sign for this server, with fields replaced by {@code changes}. */
  private String message(Map<String, String> changes) {
    String nonce = changes.getOrDefault("nonce", api.get("/api/v1/auth/siwe/nonce", null).text("nonce"));
    String domain = changes.getOrDefault("domain", "localhost:" + port);
    StringBuilder text = new StringBuilder()
        .append(domain).append(" wants you to sign in with your Ethereum account:\n")
        .append(address).append("\n\n")
        .append("Sign in to NFT Traders\n\n")
        .append("URI: ").append(changes.getOrDefault("uri", "http://" + domain + "/login")).append('\n')
        .append("Version: 1\n")
        .append("Chain ID: ").append(changes.getOrDefault("chainId", Long.toString(contracts.chainId().value()))).append('\n')
        .append("Nonce: ").append(nonce).append('\n')
        .append("Issued At: ").append(changes.getOrDefault("issuedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    if (changes.containsKey("expirationTime")) {
      text.append("\nExpiration Time: ").append(changes.get("expirationTime"));
    }
    if (changes.containsKey("notBefore")) {
      text.append("\nNot Before: ").append(changes.get("notBefore"));
    }
    return text.toString();
  }

  private Api.Response signed(Map<String, String> changes) {
    String message = message(changes);
    return signIn(message, sign(key, message));
  }

  private Api.Response signIn(String message, String signature) {
    return api.postJson("/api/v1/auth/siwe", Map.of("message", message, "signature", signature), null);
  }

  /** personal_sign (EIP-191), as a browser wallet signs a SIWE message. */
  private static String sign(Credentials key, String message) {
    Sign.SignatureData s = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key.getEcKeyPair());
    return Numeric.toHexString(s.getR()) + Numeric.toHexStringNoPrefix(s.getS()) + Numeric.toHexStringNoPrefix(s.getV());
  }

  private static String flipCase(String address) {
    StringBuilder flipped = new StringBuilder("0x");
    for (char c : address.substring(2).toCharArray()) {
      flipped.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
    }
    return flipped.toString();
  }

  private static void assertRefused(Api.Response response, String why) {
    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.text("type")).endsWith("siwe-refused");
    assertThat(response.text("detail")).contains(why);
  }

  private static void assertMalformed(Api.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }
}
