package io.nfttraders.collections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.support.Multipart;
import io.nfttraders.support.SelfCustodySessions;
import io.nfttraders.support.TestImages;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class CreatorCollectionsTest {

  private static final Duration CHAIN = Duration.ofSeconds(60);
  private static final byte[] DEFAULT_ADMIN_ROLE = new byte[32];
  private static final byte[] MINTER_ROLE = Hash.sha3("MINTER_ROLE".getBytes(StandardCharsets.US_ASCII));

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired CustodialWallets wallets;
  @Autowired JdbcClient jdbc;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void aCreatorsErc721CollectionIsACloneTheirWalletAloneAdministersMintsIntoAndChanges() {
    Api.Session creator = api.newUser();
    Api.Response created = create(creator.accessToken(), Map.of("name", "Rivers", "symbol", "RIV", "standard", "ERC721", "royaltyBps", 750,
        "description", "Water, mostly."), TestImages.png());
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    JsonNode collection = created.json().get("collection");
    String address = collection.get("address").asString();
    assertThat(collection.get("state").asString()).isEqualTo("PENDING");
    market.awaitTransaction(creator, collection.get("transactionId").asString(), "CONFIRMED");
    awaitState(address, "CREATED");

    // the chain's own answers
    assertThat(chain.code(io.nfttraders.ethereum.Address.parse(address))).as("an EIP-1167 clone: 45 bytes of code").hasSize(2 + 2 * 45);
    assertThat(hasRole(address, DEFAULT_ADMIN_ROLE, creator.walletAddress())).isTrue();
    assertThat(hasRole(address, MINTER_ROLE, creator.walletAddress())).isTrue();
    String platform = wallets.platformWallet().address().checksummed();
    assertThat(hasRole(address, DEFAULT_ADMIN_ROLE, platform)).isFalse();
    assertThat(hasRole(address, MINTER_ROLE, platform)).isFalse();
    assertThat(CollectionAbi.royaltyInfo(chain, address, BigInteger.ONE, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(creator.walletAddress(), 750));
    String contractUri = string(address, "contractURI");
    assertThat(contractUri).isEqualTo(collection.get("contractUri").asString()).startsWith("ipfs://bafkrei");
    JsonNode metadata = api.get("/ipfs/" + contractUri.substring("ipfs://".length()), null).json();
    assertThat(metadata.get("name").asString()).isEqualTo("Rivers");
    assertThat(metadata.get("description").asString()).isEqualTo("Water, mostly.");
    assertThat(metadata.get("seller_fee_basis_points").asInt()).isEqualTo(750);
    assertThat(string(address, "name")).isEqualTo("Rivers");

    Api.Response minted = mint(creator.accessToken(), "{\"name\":\"Delta\"}", Map.of("collection", address));
    assertThat(minted.status()).as(minted.body()).isEqualTo(202);
    assertThat(minted.text("contract")).isEqualToIgnoringCase(address);
    market.awaitTransaction(creator, minted.text("transactionId"), "CONFIRMED");
    assertThat(CollectionAbi.ownerOf(chain, address, BigInteger.ONE)).isEqualToIgnoringCase(creator.walletAddress());
    assertThat(CollectionAbi.tokenUri(chain, address, BigInteger.ONE)).isEqualTo(minted.json().get("items").get(0).get("tokenUri").asString());

    // the creator changes the royalty and the description: the contract follows
    String path = "/api/v1/collections/" + contracts.chainId() + "/" + address;
    Api.Response changed = api.send(api.request(path, creator.accessToken()).header("Content-Type", "application/json")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"royaltyBps\":300,\"description\":\"Water, and deltas.\"}")));
    assertThat(changed.status()).as(changed.body()).isEqualTo(202);
    for (JsonNode tx : changed.json().get("transactionIds")) {
      market.awaitTransaction(creator, tx.asString(), "CONFIRMED");
    }
    assertThat(CollectionAbi.royaltyInfo(chain, address, BigInteger.ONE, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(creator.walletAddress(), 300));
    String newUri = string(address, "contractURI");
    assertThat(newUri).isNotEqualTo(contractUri).isEqualTo(changed.json().get("collection").get("contractUri").asString());
    assertThat(api.get("/ipfs/" + newUri.substring("ipfs://".length()), null).json().get("description").asString()).isEqualTo("Water, and deltas.");

    Api.Session stranger = api.newUser();
    Api.Response notTheirs = api.send(api.request(path, stranger.accessToken()).header("Content-Type", "application/json")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"royaltyBps\":0}")));
    assertThat(notTheirs.status()).as(notTheirs.body()).isEqualTo(403);
    Api.Response renaming = api.send(api.request(path, creator.accessToken()).header("Content-Type", "application/json")
        .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"Oceans\"}")));
    assertThat(renaming.status()).as("a field we would not honour is refused").isEqualTo(400);
    assertThat(string(address, "name")).isEqualTo("Rivers");

    Api.Response intruding = mint(stranger.accessToken(), "{\"name\":\"Not mine\"}", Map.of("collection", address));
    assertThat(intruding.status()).as(intruding.body()).isEqualTo(403);
    assertThat(intruding.text("type")).endsWith("/not-collection-owner");
    Api.Response twoOfAKind = mint(creator.accessToken(), "{\"name\":\"Twins\"}", Map.of("collection", address, "supply", "2"));
    assertThat(twoOfAKind.status()).as(twoOfAKind.body()).isEqualTo(400);
  }

  @Test
  void anErc1155CollectionMintsEditionsWithTheirSupply() {
    Api.Session creator = api.newUser();
    Api.Response created = create(creator.accessToken(), Map.of("name", "Prints", "symbol", "PRT", "standard", "ERC1155"), null);
    assertThat(created.status()).as(created.body()).isEqualTo(202);
    String address = created.json().get("collection").get("address").asString();
    Api.Response early = mint(creator.accessToken(), "{\"name\":\"Too soon\"}", Map.of("collection", address, "supply", "3"));
    if (early.status() != 202) {
      // refused only while the factory's transaction was not indexed yet
      assertThat(early.status()).as(early.body()).isEqualTo(409);
      assertThat(early.text("type")).endsWith("/collection-not-created-yet");
    }
    market.awaitTransaction(creator, created.json().get("collection").get("transactionId").asString(), "CONFIRMED");
    awaitState(address, "CREATED");
    assertThat(CollectionAbi.royaltyInfo(chain, address, BigInteger.ONE, BigInteger.valueOf(10_000)))
        .as("the default rate, to the creator").isEqualTo(CollectionAbi.RoyaltyInfo.of(creator.walletAddress(), 500));

    Api.Response minted = mint(creator.accessToken(), "{\"name\":\"Harbour at dawn\"}", Map.of("collection", address, "supply", "25"));
    assertThat(minted.status()).as(minted.body()).isEqualTo(202);
    market.awaitTransaction(creator, minted.text("transactionId"), "CONFIRMED");
    BigInteger id = early.status() == 202 ? BigInteger.TWO : BigInteger.ONE;
    assertThat(balanceOf(address, creator.walletAddress(), id)).isEqualTo(BigInteger.valueOf(25));
    assertThat(uri(address, id)).isEqualTo(minted.json().get("items").get(0).get("tokenUri").asString());

    Multipart drop = new Multipart().file("images", "a.png", "image/png", TestImages.png()).json("metadata", "[{\"name\":\"A\"}]")
        .field("collection", address);
    Api.Response refusedDrop = api.upload("/api/v1/nfts/batch", creator.accessToken(), drop, null);
    assertThat(refusedDrop.status()).as(refusedDrop.body()).isEqualTo(400);
    assertThat(refusedDrop.text("type")).endsWith("/invalid-mint-target");
  }

  @Test
  void aSelfCustodyCreatorGetsTheTransactionToSignAndOwnsWhatItCreates() {
    SelfCustodySessions.SelfCustody self = SelfCustodySessions.signIn(api, port, contracts.chainId().value());
    Api.Response created = create(self.accessToken(), Map.of("name", "Own keys", "symbol", "KEYS", "standard", "ERC721",
        "royaltyReceiver", "0x00000000000000000000000000000000000c0de5", "royaltyBps", 250), null);
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    JsonNode toSign = created.json().get("transactionToSign");
    assertThat(toSign.get("from").asString()).isEqualTo(self.address());
    assertThat(toSign.get("to").asString()).isEqualTo(contracts.factory().address().checksummed());
    String address = created.json().get("collection").get("address").asString();
    assertThat(created.json().get("collection").hasNonNull("transactionId")).as("none sent by us").isFalse();

    chain.request("anvil_setBalance", List.of(self.address(), "0xde0b6b3a7640000"), org.web3j.protocol.core.methods.response.VoidResponse.class);
    // as the wallet would send it (anvil impersonates the address; the key signed only the sign-in)
    chain.request("anvil_impersonateAccount", List.of(self.address()), org.web3j.protocol.core.methods.response.VoidResponse.class);
    Map<String, String> tx = Map.of("from", self.address(), "to", toSign.get("to").asString(), "data", toSign.get("data").asString(), "gas", "0x7a120");
    String hash = chain.request("eth_sendTransaction", List.of(tx), org.web3j.protocol.core.methods.response.EthSendTransaction.class).getTransactionHash();
    assertThat(chain.awaitReceipt(hash, CHAIN).orElseThrow().succeeded()).isTrue();
    awaitState(address, "CREATED");
    assertThat(hasRole(address, DEFAULT_ADMIN_ROLE, self.address())).isTrue();
    assertThat(CollectionAbi.royaltyInfo(chain, address, BigInteger.ONE, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of("0x00000000000000000000000000000000000c0de5", 250));
  }

  @Test
  void aCollectionAskedWronglyIsRefusedWithEveryReasonAndNothingIsStoredOrSent() {
    Api.Session creator = api.newUser();
    long before = jdbc.sql("select count(*) from creator_collections").query(Long.class).single();
    Api.Response refused = create(creator.accessToken(), Map.of("name", "", "symbol", "NO SPACES", "standard", "ERC20", "royaltyBps", 5000,
        "royaltyReceiver", "0x00000000000000000000000000000000000C0dE5"), null);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.text("type")).endsWith("/invalid-collection");
    assertThat(refused.json().get("errors").size()).isEqualTo(5);
    Multipart notJson = new Multipart().json("collection", "{\"name\": ");
    assertThat(api.upload("/api/v1/collections", creator.accessToken(), notJson, null).status()).isEqualTo(400);
    Multipart unknownField = new Multipart().json("collection", "{\"name\":\"X\",\"symbol\":\"X\",\"standard\":\"ERC721\",\"owner\":\"0x0\"}");
    assertThat(api.upload("/api/v1/collections", creator.accessToken(), unknownField, null).status()).isEqualTo(400);
    assertThat(jdbc.sql("select count(*) from creator_collections").query(Long.class).single()).isEqualTo(before);
    assertThat(api.get("/api/v1/collections/" + contracts.chainId() + "/0x00000000000000000000000000000000000b0b0b", null).status()).isEqualTo(404);
  }

  private Api.Response create(String token, Map<String, Object> collection, byte @Nullable [] image) {
    Multipart body = new Multipart().json("collection", Api.JSON.writeValueAsString(collection));
    if (image != null) {
      body.file("image", "cover.png", "image/png", image);
    }
    return api.upload("/api/v1/collections", token, body, null);
  }

  private Api.Response mint(String token, String metadata, Map<String, String> fields) {
    Multipart body = new Multipart().file("image", "image.png", "image/png", TestImages.png()).json("metadata", metadata);
    fields.forEach(body::field);
    return api.upload("/api/v1/nfts", token, body, null);
  }

  private void awaitState(String address, String state) {
    await().atMost(CHAIN).pollInterval(Duration.ofMillis(100))
        .until(() -> state.equals(api.get("/api/v1/collections/" + contracts.chainId() + "/" + address, null).text("state")));
  }

  private boolean hasRole(String contract, byte[] role, String account) {
    return (Boolean) read(contract, new Function("hasRole", List.of(new Bytes32(role), new Address(account)), List.of(new TypeReference<Bool>() {})));
  }

  private String string(String contract, String getter) {
    return (String) read(contract, new Function(getter, List.of(), List.of(new TypeReference<Utf8String>() {})));
  }

  private BigInteger balanceOf(String contract, String holder, BigInteger id) {
    return (BigInteger) read(contract, new Function("balanceOf", List.of(new Address(holder), new Uint256(id)), List.of(new TypeReference<Uint256>() {})));
  }

  private String uri(String contract, BigInteger id) {
    return (String) read(contract, new Function("uri", List.of(new Uint256(id)), List.of(new TypeReference<Utf8String>() {})));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private Object read(String contract, Function function) {
    String answer = chain.call(io.nfttraders.ethereum.Address.parse(contract), Numeric.hexStringToByteArray(FunctionEncoder.encode(function)));
    List<Type> out = FunctionReturnDecoder.decode(answer, (List) function.getOutputParameters());
    return out.getFirst().getValue();
  }
}
