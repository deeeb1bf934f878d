package io.nfttraders.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The server's embedded anvil, reached at the RPC URL the server publishes. Transactions are sent
 * with {@code eth_sendTransaction} from anvil's unlocked dev accounts (anvil signs them), so the
 * benchmarks hold no private key. Receipts are polled every millisecond, not at web3j's 15 s default.
 */
final class DevChain implements AutoCloseable {

  /** anvil's dev account #1 (account #0 funds the server's new wallets; #1 is free for the benchmarks). */
  static final String DEV_ACCOUNT_1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  /** anvil's dev accounts #2 to #9: the holders of the indexer benchmark's tokens. */
  static final List<String> DEV_ACCOUNTS_2_TO_9 = List.of(
      "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
      "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
      "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
      "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f", "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");

  private static final Duration RECEIPT_POLL = Duration.ofMillis(1);

  private final HttpService service;
  private final Web3j web3j;

  DevChain(URI rpcUrl) {
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(120, TimeUnit.SECONDS)
        .build();
    this.service = new HttpService(rpcUrl.toString(), http);
    this.web3j = Web3j.build(service);
  }

  /** Sends a transaction from an unlocked (or impersonated) account; {@code to == null} deploys {@code data}. */
  String send(String from, @Nullable String to, String data, BigInteger gasLimit) {
    Transaction tx = new Transaction(from, null, null, gasLimit, to, BigInteger.ZERO, data);
    var response = checked("eth_sendTransaction", web3j.ethSendTransaction(tx));
    return response.getTransactionHash();
  }

  /** Polls for the receipt every millisecond, as a latency-minded app would. */
  TransactionReceipt awaitReceipt(String hash, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<TransactionReceipt> receipt = checked("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(hash)).getTransactionReceipt();
      if (receipt.isPresent()) {
        return succeeded(receipt.get());
      }
      Pause.millis(RECEIPT_POLL.toMillis());
    }
    throw new IllegalStateException("no receipt for " + hash + " within " + timeout);
  }

  /** Receipts of many transactions (JSON-RPC batches of 200), each required to have succeeded. */
  List<TransactionReceipt> awaitReceipts(List<String> hashes, Duration timeout) {
    List<TransactionReceipt> receipts = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i += 200) {
      List<String> chunk = hashes.subList(i, Math.min(hashes.size(), i + 200));
      awaitReceipt(chunk.getLast(), timeout); // sent in order: once the last is mined, the others are
      BatchRequest batch = web3j.newBatch();
      chunk.forEach(h -> batch.add(web3j.ethGetTransactionReceipt(h)));
      try {
        for (Response<?> r : batch.send().getResponses()) {
          receipts.add(succeeded(((EthGetTransactionReceipt) r).getTransactionReceipt()
              .orElseThrow(() -> new IllegalStateException("a receipt is missing"))));
        }
      } catch (IOException e) {
        throw new IllegalStateException("eth_getTransactionReceipt batch failed: " + e, e);
      }
    }
    return receipts;
  }

  String call(String to, String data) {
    return checked("eth_call", web3j.ethCall(Transaction.createEthCallTransaction(null, to, data), DefaultBlockParameterName.LATEST)).getValue();
  }

  BigInteger balance(String address) {
    return checked("eth_getBalance", web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST)).getBalance();
  }

  /** Waits until each address holds some ETH (the server funds new wallets from dev account #0, asynchronously). */
  void awaitFunded(List<String> addresses, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (String address : addresses) {
      while (balance(address).signum() == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("wallet " + address + " not funded within " + timeout);
        }
        Pause.millis(50);
      }
    }
  }

  long blockNumber() {
    return checked("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber().longValueExact();
  }

  /** Logs of every contract whose topic 0 is one of {@code topics}. */
  List<Object> logs(long from, long to, List<String> topics) {
    Map<String, Object> filter = Map.of("fromBlock", Numeric.toHexStringWithPrefix(BigInteger.valueOf(from)),
        "toBlock", Numeric.toHexStringWithPrefix(BigInteger.valueOf(to)), "topics", List.of(topics));
    return checked("eth_getLogs", new Request<>("eth_getLogs", List.of(filter), service, AnyList.class)).getResult();
  }

  /** An answer read as plain JSON (no per-field parsing): for counting logs, not reading them. */
  static final class AnyList extends Response<List<Object>> {}

  /** anvil only: lets {@link #send} use {@code address} without its key. */
  void impersonate(String address) {
    checked("anvil_impersonateAccount", new Request<>("anvil_impersonateAccount", List.of(address), service, Empty.class));
  }

  void stopImpersonating(String address) {
    checked("anvil_stopImpersonatingAccount", new Request<>("anvil_stopImpersonatingAccount", List.of(address), service, Empty.class));
  }

  @Override
  public void close() {
    web3j.shutdown();
  }

  /** A JSON-RPC answer whose result we ignore. */
  static final class Empty extends Response<Object> {}

  private static TransactionReceipt succeeded(TransactionReceipt receipt) {
    if (!receipt.isStatusOK()) {
      throw new IllegalStateException("transaction " + receipt.getTransactionHash() + " reverted");
    }
    return receipt;
  }

  private static <T extends Response<?>> T checked(String method, Request<?, T> request) {
    T response;
    try {
      response = request.send();
    } catch (IOException e) {
      throw new IllegalStateException(method + " failed: " + e, e);
    }
    if (response.hasError()) {
      throw new IllegalStateException(method + " refused: " + response.getError().getMessage());
    }
    return response;
  }
}
