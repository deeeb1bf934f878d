package io.nfttraders.webapp;

import com.microsoft.playwright.BrowserContext;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.ethereum.Address;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;
import tools.jackson.databind.json.JsonMapper;

/**
 * An EIP-1193 wallet injected into the page and announced by EIP-6963, backed by a real private
 * key held here in the test: the page asks, this signs with web3j (personal_sign,
 * eth_signTypedData_v4) and sends the transactions it signed (eth_sendTransaction), as a wallet
 * does once its user approves. {@link #tamper} makes it return signatures with one byte changed,
 * as a compromised or buggy wallet would.
 */
final class TestWallet {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PROVIDER = """
      (() => {
        const provider = {
          isTestWallet: true,
          async request({ method, params }) {
            const answer = JSON.parse(await window.__testWallet(method, JSON.stringify(params ?? [])));
            if (answer.error) {
              const error = new Error(answer.error.message);
              error.code = answer.error.code;
              throw error;
            }
            return answer.result;
          },
        };
        const info = Object.freeze({ uuid: '6f1b1c1e-0b8e-4d8e-9a51-8c1f7e2a0d11', name: 'Test Wallet', rdns: 'io.nfttraders.testwallet',
          icon: 'data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22/%3E' });
        const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
        window.addEventListener('eip6963:requestProvider', announce);
        announce();
      })();
      """;

  final ECKeyPair key;
  final String address;
  final AtomicBoolean tamper = new AtomicBoolean();
  private final ChainClient chain;
  private final long chainId;

  TestWallet(ChainClient chain) {
    this.chain = chain;
    long chainId = chain.chainId();
    try {
      this.key = Keys.createEcKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    this.address = Keys.toChecksumAddress(Keys.getAddress(key));
    this.chainId = chainId;
  }

  void injectInto(BrowserContext context) {
    context.exposeFunction("__testWallet", args -> answer((String) args[0], (String) args[1]));
    context.addInitScript(PROVIDER);
  }

  private String answer(String method, String paramsJson) {
    List<?> params = JSON.readValue(paramsJson, List.class);
    Object result = switch (method) {
      case "eth_requestAccounts", "eth_accounts" -> List.of(address.toLowerCase());
      case "eth_chainId" -> Numeric.toHexStringWithPrefix(BigInteger.valueOf(chainId));
      case "personal_sign" -> signature(Sign.signPrefixedMessage(Numeric.hexStringToByteArray((String) params.get(0)), key));
      case "eth_signTypedData_v4" -> signature(Sign.signMessage(typedDataHash((String) params.get(1)), key, false));
      case "eth_sendTransaction" -> send((Map<?, ?>) params.get(0));
      default -> null;
    };
    if (result == null) {
      return JSON.writeValueAsString(Map.of("error", Map.of("code", 4200, "message", "Test Wallet does not support " + method)));
    }
    return JSON.writeValueAsString(Map.of("result", result));
  }

  /** Signs the transaction with the wallet's key (EIP-155, this chain) and sends it: what a wallet does once its user approves. */
  private String send(Map<?, ?> tx) {
    if (!address.equalsIgnoreCase((String) tx.get("from"))) {
      throw new IllegalArgumentException("Test Wallet sends only from " + address);
    }
    String data = tx.get("data") == null ? "0x" : (String) tx.get("data");
    BigInteger value = tx.get("value") == null ? BigInteger.ZERO : Numeric.toBigInt((String) tx.get("value"));
    BigInteger gasPrice = chain.fees().maxFeePerGas();
    RawTransaction raw = RawTransaction.createTransaction(chain.pendingNonce(Address.of(address)), gasPrice, BigInteger.valueOf(300_000), (String) tx.get("to"),
        value, data);
    return chain.sendRawTransaction(Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, Credentials.create(key))));
  }

  private static byte[] typedDataHash(String json) {
    try {
      return new StructuredDataEncoder(json).hashStructuredData();
    } catch (Exception e) {
      throw new IllegalArgumentException("not EIP-712 typed data: " + e.getMessage(), e);
    }
  }

  private String signature(Sign.SignatureData data) {
    byte[] bytes = new byte[65];
    System.arraycopy(data.getR(), 0, bytes, 0, 32);
    System.arraycopy(data.getS(), 0, bytes, 32, 32);
    bytes[64] = data.getV()[0];
    if (tamper.get()) {
      bytes[5] ^= 0x01;
    }
    return Numeric.toHexString(bytes);
  }
}
