package io.nfttraders.chain;

import io.nfttraders.ethereum.Address;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthGetTransactionReceipt;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Our only door to the chain: hides web3j, applies explicit timeouts, and turns failures into
 * {@link ChainUnavailable} (no answer) or {@link ChainRejected} (an answer that says no). Receipts
 * are polled here at a short interval instead of web3j's 15 s default.
 */
public class ChainClient implements AutoCloseable {

  private static final Duration RECEIPT_POLL = Duration.ofMillis(50);

  private final HttpService service;
  private final Web3j web3j;
  private final ChainEndpoint endpoint;

  public ChainClient(ChainEndpoint endpoint, Duration timeout) {
    this.endpoint = endpoint;
    OkHttpClient http =
        new OkHttpClient.Builder()
            .connectTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .writeTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .build();
    this.service = new HttpService(endpoint.rpcUrl().toString(), http);
    this.web3j = Web3j.build(service);
  }

  public ChainEndpoint endpoint() {
    return endpoint;
  }

  public long chainId() {
    return send("eth_chainId", web3j.ethChainId()).getChainId().longValueExact();
  }

  public BigInteger blockNumber() {
    return send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber();
  }

  public BigInteger balance(Address address) {
    return send("eth_getBalance", web3j.ethGetBalance(address.hex(), DefaultBlockParameterName.LATEST)).getBalance();
  }

  /** The number of transactions of this sender in mined blocks. */
  public BigInteger minedNonce(Address address) {
    return send("eth_getTransactionCount", web3j.ethGetTransactionCount(address.hex(), DefaultBlockParameterName.LATEST)).getTransactionCount();
  }

  /** The next nonce counting transactions still in the mempool. */
  public BigInteger pendingNonce(Address address) {
    return send("eth_getTransactionCount", web3j.ethGetTransactionCount(address.hex(), DefaultBlockParameterName.PENDING))
        .getTransactionCount();
  }

  public boolean hasCode(Address address) {
    return code(address).length() > 2;
  }

  /** The runtime code at {@code address}, as the node returns it (0x and lower-case hex; "0x" for none). */
  public String code(Address address) {
    String code = send("eth_getCode", web3j.ethGetCode(address.hex(), DefaultBlockParameterName.LATEST)).getCode();
    return code == null ? "0x" : code.toLowerCase(java.util.Locale.ROOT);
  }

  /** What a view function answers, as the node returns it (0x and hex). */
  public String call(Address to, byte[] data) {
    Transaction call = Transaction.createEthCallTransaction(null, to.hex(), Numeric.toHexString(data));
    return send("eth_call", web3j.ethCall(call, DefaultBlockParameterName.LATEST)).getValue();
  }

  /** A view function's single uint256 (or uint-like) result, such as a balance or an allowance. */
  public BigInteger callUint256(Address to, byte[] data) {
    return Numeric.toBigInt(call(to, data));
  }

  public BigInteger estimateGas(Address from, @Nullable Address to, BigInteger value, byte[] data) {
    Transaction tx = new Transaction(from.hex(), null, null, null, to == null ? null : to.hex(), value, Numeric.toHexString(data));
    return send("eth_estimateGas", web3j.ethEstimateGas(tx)).getAmountUsed();
  }

  public FeeQuote fees() {
    EthBlock.Block latest = send("eth_getBlockByNumber", web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)).getBlock();
    BigInteger priority = send("eth_maxPriorityFeePerGas", web3j.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
    return FeeQuote.from(latest.getBaseFeePerGas(), priority);
  }

  /** Broadcasts a signed transaction and returns its hash. */
  public String sendRawTransaction(String rawTransaction) {
    return send("eth_sendRawTransaction", web3j.ethSendRawTransaction(rawTransaction)).getTransactionHash();
  }

  public Optional<Receipt> receipt(String transactionHash) {
    return send("eth_getTransactionReceipt", web3j.ethGetTransactionReceipt(transactionHash))
        .getTransactionReceipt()
        .map(ChainClient::toReceipt);
  }

  /**
   * Receipts for many hashes in one JSON-RPC batch; hashes not yet mined are absent from the
   * result.
   */
  public Map<String, Receipt> receipts(Collection<String> transactionHashes) {
    Map<String, Receipt> found = new HashMap<>();
    for (List<String> chunk : chunks(transactionHashes)) {
      JsonRpcBatch<EthGetTransactionReceipt> batch = new JsonRpcBatch<>(web3j, endpoint.chainId(), "eth_getTransactionReceipt");
      chunk.forEach(hash -> batch.add(web3j.ethGetTransactionReceipt(hash)));
      for (EthGetTransactionReceipt answer : batch.sendExpectingNoErrors()) {
        answer.getTransactionReceipt().map(ChainClient::toReceipt).ifPresent(receipt -> found.put(receipt.transactionHash(), receipt));
      }
    }
    return found;
  }

  /**
   * Broadcasts many signed transactions in JSON-RPC batches, in the given order. Each result is
   * the hash, or the node's error for that one transaction.
   */
  public List<BroadcastResult> sendRawTransactions(List<String> rawTransactions) {
    List<BroadcastResult> results = new ArrayList<>(rawTransactions.size());
    for (List<String> chunk : chunks(rawTransactions)) {
      JsonRpcBatch<EthSendTransaction> batch = new JsonRpcBatch<>(web3j, endpoint.chainId(), "eth_sendRawTransaction");
      chunk.forEach(raw -> batch.add(web3j.ethSendRawTransaction(raw)));
      for (EthSendTransaction answer : batch.send()) {
        results.add(answer.hasError()
            ? BroadcastResult.rejected(answer.getError().getCode(), answer.getError().getMessage())
            : BroadcastResult.accepted(answer.getTransactionHash()));
      }
    }
    return results;
  }

  /** The canonical block hash at each height (absent if the chain is shorter). */
  public Map<BigInteger, String> blockHashes(Collection<BigInteger> numbers) {
    Map<BigInteger, String> hashes = new HashMap<>();
    for (List<BigInteger> chunk : chunks(numbers)) {
      JsonRpcBatch<EthBlock> batch = new JsonRpcBatch<>(web3j, endpoint.chainId(), "eth_getBlockByNumber");
      chunk.forEach(n -> batch.add(web3j.ethGetBlockByNumber(DefaultBlockParameter.valueOf(n), false)));
      for (EthBlock answer : batch.sendExpectingNoErrors()) {
        if (answer.getBlock() != null) {
          // the raw quantity: web3j's getNumber() tries Long.parseLong on "0x..." first and throws once per block
          hashes.put(Numeric.toBigInt(answer.getBlock().getNumberRaw()), answer.getBlock().getHash());
        }
      }
    }
    return hashes;
  }

  /**
   * ERC-165 {@code supportsInterface(interfaceId)} of each contract, in batches: true only for an
   * answer of exactly one word holding 1. A revert, no code or any other answer is false.
   */
  public Map<Address, Boolean> supportsInterface(Collection<Address> contracts, byte[] interfaceId) {
    byte[] data = Calldata.of("supportsInterface", new org.web3j.abi.datatypes.generated.Bytes4(interfaceId));
    Map<Address, Boolean> supported = new HashMap<>();
    for (List<Address> chunk : chunks(contracts)) {
      JsonRpcBatch<org.web3j.protocol.core.methods.response.EthCall> batch = new JsonRpcBatch<>(web3j, endpoint.chainId(), "eth_call");
      chunk.forEach(contract -> batch.add(web3j.ethCall(
          Transaction.createEthCallTransaction(null, contract.hex(), Numeric.toHexString(data)), DefaultBlockParameterName.LATEST)));
      List<org.web3j.protocol.core.methods.response.EthCall> answers = batch.send();
      for (int i = 0; i < chunk.size(); i++) {
        org.web3j.protocol.core.methods.response.EthCall answer = answers.get(i);
        String value = answer.hasError() || answer.getValue() == null ? "" : answer.getValue();
        supported.put(chunk.get(i), value.length() == 66 && Numeric.toBigInt(value).equals(BigInteger.ONE));
      }
    }
    return supported;
  }

  private static final int BATCH_SIZE = 200;

  private static <T> List<List<T>> chunks(Collection<T> items) {
    List<T> all = List.copyOf(items);
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += BATCH_SIZE) {
      chunks.add(all.subList(i, Math.min(all.size(), i + BATCH_SIZE)));
    }
    return chunks;
  }

  /**
   * Logs of the given contracts (none: of every contract) and event signatures (topic 0) in [from, to]. Read into plain
   * strings and parsed here: web3j's own {@code Log} checks every hex quantity against a regular
   * expression, which was a tenth of the indexer's time during a backfill.
   */
  public List<ChainLog> logs(long from, long to, List<String> addresses, List<String> eventTopics) {
    // a filter without "address" matches every contract of the chain
    Map<String, Object> filter = new java.util.LinkedHashMap<>();
    filter.put("fromBlock", Numeric.toHexStringWithPrefix(BigInteger.valueOf(from)));
    filter.put("toBlock", Numeric.toHexStringWithPrefix(BigInteger.valueOf(to)));
    if (!addresses.isEmpty()) {
      filter.put("address", addresses);
    }
    filter.put("topics", List.of(eventTopics));
    RawLogs response;
    try {
      response = new Request<>("eth_getLogs", List.of(filter), service, RawLogs.class).send();
    } catch (IOException e) {
      throw new ChainUnavailable(endpoint.chainId(), "eth_getLogs failed: " + e.getMessage(), e);
    } catch (RuntimeException malformed) {
      throw new ChainUnavailable(endpoint.chainId(), "eth_getLogs answer unreadable: " + malformed.getMessage(), malformed);
    }
    if (response.hasError()) {
      String message = response.getError().getMessage();
      String lower = message.toLowerCase(java.util.Locale.ROOT);
      boolean throttled = lower.contains("rate") || lower.contains("throttl") || lower.contains("capacity");
      if (!throttled && (lower.contains("range") || lower.contains("too many") || lower.contains("limit") || lower.contains("exceed"))) {
        throw new TooManyLogs(message);
      }
      throw new ChainRejected("eth_getLogs", response.getError().getCode(), message);
    }
    List<RawLogs.Entry> entries = response.getResult() == null ? List.of() : response.getResult();
    List<ChainLog> logs = new ArrayList<>(entries.size());
    for (RawLogs.Entry log : entries) {
      logs.add(new ChainLog(Address.of(log.address), log.topics, log.data, quantity(log.blockNumber), log.blockHash,
          Math.toIntExact(quantity(log.logIndex)), log.transactionHash));
    }
    return logs;
  }

  /** A JSON-RPC quantity ("0x1a"); a node sending anything else is broken, not slow. */
  private long quantity(String hex) {
    if (hex == null || !hex.startsWith("0x") || hex.length() < 3 || hex.length() > 18) {
      throw new ChainUnavailable(endpoint.chainId(), "malformed quantity in a node's answer: " + hex, null);
    }
    try {
      return Long.parseUnsignedLong(hex, 2, hex.length(), 16);
    } catch (NumberFormatException e) {
      throw new ChainUnavailable(endpoint.chainId(), "malformed quantity in a node's answer: " + hex, e);
    }
  }

  /** eth_getLogs as web3j's mapper reads it, without its per-field validation. */
  static final class RawLogs extends Response<List<RawLogs.Entry>> {

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    static final class Entry {
      public String address;
      public List<String> topics = List.of();
      public String data;
      public String blockNumber;
      public String blockHash;
      public String logIndex;
      public String transactionHash;
    }
  }

  /** Polls for a receipt; empty if none arrived within {@code timeout}. */
  public Optional<Receipt> awaitReceipt(String transactionHash, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<Receipt> receipt = receipt(transactionHash);
      if (receipt.isPresent() || System.nanoTime() > deadline) {
        return receipt;
      }
      try {
        Thread.sleep(RECEIPT_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  /**
   * Sends value from an account the node itself unlocks (anvil's dev accounts): the dev chain's
   * faucet. Refused on a configured chain, where no such accounts exist.
   */
  public String sendFromUnlockedAccount(Address from, Address to, BigInteger valueWei) {
    if (!endpoint.embedded()) {
      throw new IllegalStateException("unlocked-account transfers exist only on the embedded dev chain");
    }
    Transaction tx = Transaction.createEtherTransaction(from.hex(), null, null, null, to.hex(), valueWei);
    return send("eth_sendTransaction", web3j.ethSendTransaction(tx)).getTransactionHash();
  }

  /** Raw JSON-RPC for node-specific methods (e.g. anvil's evm_snapshot in tests). */
  public <T extends Response<?>> T request(String method, List<?> params, Class<T> type) {
    return send(method, new Request<>(method, params, service, type));
  }

  private <T extends Response<?>> T send(String method, Request<?, T> request) {
    T response;
    try {
      response = request.send();
    } catch (IOException e) {
      throw new ChainUnavailable(endpoint.chainId(), method + " failed: " + e.getMessage(), e);
    }
    if (response.hasError()) {
      throw new ChainRejected(method, response.getError().getCode(), response.getError().getMessage());
    }
    return response;
  }

  private static Receipt toReceipt(TransactionReceipt r) {
    return new Receipt(r.getTransactionHash(), r.getBlockNumber(), r.getBlockHash(), r.isStatusOK(), r.getGasUsed(),
        r.getContractAddress() == null ? null : Address.of(r.getContractAddress()));
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
