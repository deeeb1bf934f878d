package io.nfttraders.market;

import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.support.Api;
import io.nfttraders.support.Impersonation;
import io.nfttraders.support.TestImages;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.EthGetBalance;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/** Steps the trading specifications share: mint through the API, wait for the chain and the book, read balances at a block. */
public final class TradingFixture {

  public static final String FEE_RECIPIENT = "0x000000000000000000000000000000000000fee1";
  static final Duration CHAIN = Duration.ofSeconds(60);

  final Api api;
  final ChainClient chain;
  final DeployedContracts contracts;

  public TradingFixture(Api api, ChainClient chain, DeployedContracts contracts) {
    this.api = api;
    this.chain = chain;
    this.contracts = contracts;
    // the server brings the fee recipient in line with the test configuration right after start
    await().atMost(CHAIN).until(() -> call(contracts.exchange().checksummed(), "feeRecipient").endsWith("fee1"));
  }

  public String collection() {
    return contracts.collection().address().checksummed();
  }

  /** Mints one token for the user and waits until the indexer shows it in their wallet. */
  public BigInteger mint(Api.Session user) {
    return mint(user, "{\"name\":\"Lot\"}");
  }

  /** Mints one NFT with this metadata (JSON) to the user and returns its token id once indexed. */
  public BigInteger mint(Api.Session user, String metadata) {
    return mint(user, metadata, null);
  }

  /** {@link #mint(Api.Session, String)} with the creator's royalty rate in basis points (null: the default). */
  public BigInteger mint(Api.Session user, String metadata, @Nullable String royaltyBps) {
    int before = api.get("/api/v1/user/nfts?limit=200", user.accessToken()).json().size();
    Api.Response accepted = api.mint(user.accessToken(), TestImages.png(), metadata, royaltyBps, null);
    if (accepted.status() != 202) {
      throw new IllegalStateException(accepted.toString());
    }
    awaitTransaction(user, accepted.text("transactionId"), "CONFIRMED");
    await().atMost(CHAIN).until(() -> api.get("/api/v1/user/nfts?limit=200", user.accessToken()).json().size() == before + 1);
    JsonNode nfts = api.get("/api/v1/user/nfts?limit=200", user.accessToken()).json();
    return nfts.valueStream().map(n -> new BigInteger(n.get("tokenId").asString())).max(BigInteger::compareTo).orElseThrow();
  }

  public JsonNode awaitTransaction(Api.Session user, String transactionId, String status) {
    await().atMost(CHAIN).pollInterval(Duration.ofMillis(100))
        .until(() -> status.equals(api.get("/api/v1/transactions/" + transactionId, user.accessToken()).text("status")));
    return api.get("/api/v1/transactions/" + transactionId, user.accessToken()).json();
  }

  Api.Response list(Api.Session seller, BigInteger tokenId, String price) {
    return api.postJson("/api/v1/listings", Map.of("collection", collection(), "tokenId", tokenId.toString(), "price", price), seller.accessToken());
  }

  public JsonNode awaitOrder(String hash, boolean active) {
    await().atMost(CHAIN).pollInterval(Duration.ofMillis(100)).until(() -> order(hash).get("active").asBoolean() == active);
    return order(hash);
  }

  JsonNode order(String hash) {
    return api.get("/api/v1/orders/" + hash, null).json();
  }

  JsonNode awaitTrade(Api.Session taker, String tradeId, String state) {
    await().atMost(CHAIN).pollInterval(Duration.ofMillis(100))
        .until(() -> state.equals(api.get("/api/v1/trades/" + tradeId, taker.accessToken()).text("state")));
    return api.get("/api/v1/trades/" + tradeId, taker.accessToken()).json();
  }

  public BigInteger balanceAt(String address, long block) {
    return chain.request("eth_getBalance", List.of(address, Numeric.toHexStringWithPrefix(BigInteger.valueOf(block))), EthGetBalance.class).getBalance();
  }

  public BigInteger wethAt(String address, long block) {
    String data = FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(address)), List.of()));
    Map<String, String> call = Map.of("to", contracts.weth().address().checksummed(), "data", data);
    String result = chain.request("eth_call", List.of(call, Numeric.toHexStringWithPrefix(BigInteger.valueOf(block))),
        org.web3j.protocol.core.methods.response.EthCall.class).getValue();
    return Numeric.toBigInt(result);
  }

  String call(String contract, String getter) {
    return chain.call(io.nfttraders.ethereum.Address.of(contract), Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function(getter, List.of(), List.of()))));
  }

  /** Sends a transaction as if the wallet's owner did it outside our platform (anvil impersonation). */
  public String sendAs(String from, String to, String data) {
    return sendAs(from, to, data, BigInteger.ZERO);
  }

  /** {@link #sendAs} paying {@code valueWei} of ETH along. */
  public String sendAs(String from, String to, String data, BigInteger valueWei) {
    return Impersonation.send(chain, from, to, data, valueWei);
  }

  void awaitOwner(BigInteger tokenId, String owner) {
    await().atMost(CHAIN).until(() -> owner.equalsIgnoreCase(
        api.get("/api/v1/nfts/" + contracts.chainId() + "/" + collection() + "/" + tokenId, null).text("owner")));
  }

  /** Wraps this much of the user's ETH (a decimal) into WETH and waits until it is confirmed. */
  public void wrap(Api.Session user, String ether) {
    Api.Response wrapped = api.postJson("/api/v1/wallet/wrap", Map.of("amount", ether), user.accessToken());
    if (wrapped.status() != 202) {
      throw new IllegalStateException(wrapped.toString());
    }
    awaitTransaction(user, wrapped.text("transactionId"), "CONFIRMED");
  }

  /** Waits for the users' sign-up funding, then has each wrap this much ETH (a decimal) into WETH. */
  public void withWeth(String ether, Api.Session... users) {
    withWeth(ether, List.of(users));
  }

  public void withWeth(String ether, List<Api.Session> users) {
    awaitFunded(users);
    users.forEach(user -> wrap(user, ether));
  }

  /** New wallets are funded by the dev chain right after sign-up, asynchronously. */
  public void awaitFunded(List<Api.Session> users) {
    await().atMost(CHAIN).until(() -> users.stream().allMatch(u -> chain.balance(io.nfttraders.ethereum.Address.of(u.walletAddress())).signum() > 0));
  }

  public static String setApprovalForAll(String operator, boolean approved) {
    return FunctionEncoder.encode(new Function("setApprovalForAll", List.of(new Address(operator), new org.web3j.abi.datatypes.Bool(approved)),
        List.of()));
  }

  /** Like {@link #sendAs} but returns at once, with a tip high enough to be mined before our own pending transactions. */
  String sendAsFirst(String from, String to, String data) {
    chain.request("anvil_impersonateAccount", List.of(from), org.web3j.protocol.core.methods.response.VoidResponse.class);
    Map<String, String> tx = Map.of("from", from, "to", to, "data", data, "gas", "0x30d40",
        "maxPriorityFeePerGas", "0x174876e800", "maxFeePerGas", "0x2e90edd000"); // 100 and 200 gwei
    return chain.request("eth_sendTransaction", List.of(tx), EthSendTransaction.class).getTransactionHash();
  }

  static String transferFrom(String from, String to, BigInteger tokenId) {
    return FunctionEncoder.encode(new Function("transferFrom", List.of(new Address(from), new Address(to), new Uint256(tokenId)), List.of()));
  }

  public static BigInteger wei(String ether) {
    return new java.math.BigDecimal(ether).movePointRight(18).toBigIntegerExact();
  }
}
