package io.nfttraders.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** Sign-In with Ethereum for tests: a fresh key's account, signed in as a wallet would (EIP-4361, personal_sign). */
public final class SelfCustodySessions {

  /** A signed-in self-custody account: its key, its address (EIP-55) and its access token. */
  public record SelfCustody(Credentials key, String address, String accessToken) {}

  private SelfCustodySessions() {}

  public static SelfCustody signIn(Api api, int port, long chainId) {
    Credentials key = newKey();
    Map<String, String> body = signedMessage(api, port, chainId, key);
    Api.Response signedIn = api.postJson("/api/v1/auth/siwe", body, null);
    if (signedIn.status() != 200) {
      throw new IllegalStateException("sign-in with Ethereum failed: " + signedIn);
    }
    return new SelfCustody(key, Keys.toChecksumAddress(key.getAddress()), signedIn.text("accessToken"));
  }

  /** The sign-in request's body: a message for this server with a fresh nonce, and its signature. */
  public static Map<String, String> signedMessage(Api api, int port, long chainId, Credentials key) {
    String domain = "localhost:" + port;
    String message = domain + " wants you to sign in with your Ethereum account:\n" + Keys.toChecksumAddress(key.getAddress()) + "\n\n"
        + "Sign in to NFT Traders\n\nURI: http://" + domain + "/login\nVersion: 1\nChain ID: " + chainId + "\nNonce: "
        + api.get("/api/v1/auth/siwe/nonce", null).text("nonce") + "\nIssued At: " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return Map.of("message", message, "signature", personalSign(key, message));
  }

  public static String personalSign(Credentials key, String message) {
    Sign.SignatureData s = Sign.signPrefixedMessage(message.getBytes(StandardCharsets.UTF_8), key.getEcKeyPair());
    return Numeric.toHexString(s.getR()) + Numeric.toHexStringNoPrefix(s.getS()) + Numeric.toHexStringNoPrefix(s.getV());
  }

  public static Credentials newKey() {
    try {
      return Credentials.create(Keys.createEcKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
