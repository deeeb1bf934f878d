package io.nfttraders.support;

import io.nfttraders.chain.ChainClient;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;

/** Transactions sent as any address of a dev chain (anvil's impersonation), waited for until mined. */
public final class Impersonation {

  private static final Duration MINED = Duration.ofSeconds(60);

  private Impersonation() {}

  /** @return the transaction's hash, once it is mined */
  public static String send(ChainClient chain, String from, String to, String data, BigInteger valueWei) {
    chain.request("anvil_impersonateAccount", List.of(from), VoidResponse.class);
    Map<String, String> tx = Map.of("from", from, "to", to, "data", data, "gas", "0x30d40", "value", Numeric.toHexStringWithPrefix(valueWei));
    String hash = chain.request("eth_sendTransaction", List.of(tx), EthSendTransaction.class).getTransactionHash();
    chain.awaitReceipt(hash, MINED).orElseThrow();
    return hash;
  }
}
