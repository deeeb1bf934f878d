package io.nfttraders.accounts.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainRejected;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SignatureException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Sign-In with Ethereum (EIP-4361): a message naming our domain, our chain and a nonce we issued,
 * signed by its address with {@code personal_sign} (EIP-191), or accepted by the contract wallet
 * at that address (EIP-1271). The nonce is used up in the same transaction that signs the account
 * in, so a message works once. The account is a self-custody one: same tokens, no custodial wallet.
 */
@Service
class SignInWithEthereum {

  private static final Logger log = LoggerFactory.getLogger(SignInWithEthereum.class);
  /** {@code bytes4(keccak256("isValidSignature(bytes32,bytes)"))}: what an EIP-1271 wallet answers for a good signature. */
  private static final String EIP1271_MAGIC = "0x1626ba7e";
  private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})+");

  private final SiweNonces nonces;
  private final Accounts accounts;
  private final ChainClient chain;
  private final long chainId;
  private final SiweProperties properties;
  private final Environment environment;
  private final Clock clock;

  SignInWithEthereum(SiweNonces nonces, Accounts accounts, ChainClient chain, DeployedContracts contracts, SiweProperties properties,
      Environment environment, Clock clock) {
    this.nonces = nonces;
    this.accounts = accounts;
    this.chain = chain;
    this.chainId = contracts.chainId().value();
    this.properties = properties;
    this.environment = environment;
    this.clock = clock;
  }

  @Transactional(noRollbackFor = AuthProblems.SiweRefused.class)
  TokenPair signIn(String text, String signatureHex) {
    SiweMessage message = SiweMessage.parse(text);
    byte[] signature = signature(signatureHex);
    check(message);
    // used up even if the signature turns out wrong: whoever holds the message tries once
    if (!nonces.consume(message.nonce())) {
      throw new AuthProblems.SiweRefused("the nonce was not issued by this server, was used already, or expired");
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (!signedByAddress(bytes, signature, message.address()) && !contractWalletAccepts(bytes, signature, message.address())) {
      throw new AuthProblems.SiweRefused("the signature is not by " + message.address());
    }
    TokenPair tokens = accounts.signInSelfCustody(message.address().toLowerCase());
    log.info("signed in with Ethereum address={}", message.address());
    return tokens;
  }

  private void check(SiweMessage message) {
    Set<String> domains = domains();
    if (!domains.contains(message.domain())) {
      throw new AuthProblems.SiweRefused("the message is for " + message.domain() + ", not for this server (" + String.join(", ", domains) + ")");
    }
    if (!message.domain().equals(message.uri().getRawAuthority())) {
      throw new AuthProblems.SiweRefused("URI must be on the message's domain " + message.domain());
    }
    if (message.chainId() != chainId) {
      throw new AuthProblems.SiweRefused("the message is for chain " + message.chainId() + "; this server is on chain " + chainId);
    }
    Instant now = clock.instant();
    Instant ahead = now.plus(properties.clockSkew());
    if (message.issuedAt().isAfter(ahead)) {
      throw new AuthProblems.SiweRefused("Issued At is in the future");
    }
    if (message.issuedAt().isBefore(now.minus(properties.nonceTtl()))) {
      throw new AuthProblems.SiweRefused("the message was issued more than " + properties.nonceTtl() + " ago");
    }
    if (message.expirationTime() != null && !message.expirationTime().isAfter(now)) {
      throw new AuthProblems.SiweRefused("the message expired at " + message.expirationTime());
    }
    if (message.notBefore() != null && message.notBefore().isAfter(ahead)) {
      throw new AuthProblems.SiweRefused("the message is not valid before " + message.notBefore());
    }
  }

  private Set<String> domains() {
    if (!properties.domains().isEmpty()) {
      return properties.domains();
    }
    String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    return Set.of("localhost:" + port, "127.0.0.1:" + port);
  }

  private static byte[] signature(String hex) {
    if (!HEX.matcher(hex).matches()) {
      throw new AuthProblems.InvalidSiweMessage("the signature must be 0x and an even number of hex digits");
    }
    byte[] signature = Numeric.hexStringToByteArray(hex);
    if (signature.length > 4_096) {
      throw new AuthProblems.InvalidSiweMessage("the signature must be 65 bytes (or a contract wallet's, at most 4 KiB)");
    }
    return signature;
  }

  /** EIP-191 {@code personal_sign} by the address's own key (v as 27/28 or 0/1). */
  private static boolean signedByAddress(byte[] message, byte[] signature, String address) {
    if (signature.length != 65) {
      return false;
    }
    byte v = signature[64] < 27 ? (byte) (signature[64] + 27) : signature[64];
    try {
      BigInteger key = Sign.signedPrefixedMessageToKey(message,
          new Sign.SignatureData(v, Arrays.copyOfRange(signature, 0, 32), Arrays.copyOfRange(signature, 32, 64)));
      return ("0x" + Keys.getAddress(key)).equalsIgnoreCase(address);
    } catch (SignatureException | RuntimeException e) {
      return false;
    }
  }

  /** EIP-1271: a contract at the address says whether the signature is good for the message's EIP-191 hash. */
  private boolean contractWalletAccepts(byte[] message, byte[] signature, String address) {
    Address wallet = Address.of(address);
    if (!chain.hasCode(wallet)) {
      return false;
    }
    byte[] data = Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function("isValidSignature",
        List.of(new Bytes32(Sign.getEthereumMessageHash(message)), new DynamicBytes(signature)), List.of())));
    try {
      String answer = chain.call(wallet, data);
      return answer != null && answer.length() >= 10 && answer.substring(0, 10).equalsIgnoreCase(EIP1271_MAGIC);
    } catch (ChainRejected e) {
      // a wallet that reverts does not accept the signature; a node that cannot be reached is not an answer (503)
      log.info("EIP-1271 wallet refused address={} reason={}", address, e.getMessage());
      return false;
    }
  }
}
