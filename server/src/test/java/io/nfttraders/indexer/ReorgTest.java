package io.nfttraders.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.Multipart;
import io.nfttraders.support.SelfCustodySessions;
import io.nfttraders.support.SelfCustodySessions.SelfCustody;
import io.nfttraders.support.StandaloneServer;
import io.nfttraders.support.TestContracts;
import io.nfttraders.support.TestImages;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import io.nfttraders.txmanager.TransactionView;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * The chain reorganises (anvil: revert to a snapshot taken before a transaction, and mine a longer
 * chain without it), on a server of its own: what the reorganised blocks did must be undone.
 */
class ReorgTest {

  static final class Quantity extends Response<String> {}

  @TempDir static Path data;
  static StandaloneServer server;

  @BeforeAll
  static void start() {
    server = StandaloneServer.start(data, "--nft.txmanager.confirmations=3", "--nft.txmanager.rebroadcast-after=4s");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * The indexer drops the token, the transaction goes back to SENT; the transaction manager
   * broadcasts it again, and once mined anew it is indexed and confirmed on the new chain.
   */
  @Test
  void aMintReorganisedAwayIsRolledBackThenMinedAgainAndConfirmed() {
    ChainClient chain = server.bean(ChainClient.class);
    TransactionManager transactions = server.bean(TransactionManager.class);
    IndexedNfts nfts = server.bean(IndexedNfts.class);
    String collection = server.bean(DeployedContracts.class).collection().address().checksummed();
    String owner = "0x00000000000000000000000000000000000000b0";

    String snapshot = chain.request("evm_snapshot", List.of(), Quantity.class).getResult();
    TransactionId id = transactions.enqueue(new TransactionIntent("TEST_MINT", PlatformWallet.ID, Address.of(collection), BigInteger.ZERO,
        CollectionAbi.mint(owner, org.web3j.crypto.Hash.sha3("reorg".getBytes())), BigInteger.valueOf(200_000), Optional.empty(), "reorg test", Optional.empty()));
    await().atMost(Duration.ofSeconds(30)).until(() -> transactions.find(id).orElseThrow().status() == TransactionStatus.MINED);
    String hash = transactions.find(id).orElseThrow().hash();
    await().atMost(Duration.ofSeconds(30)).until(() -> nfts.mintedBy(hash).size() == 1);
    long firstBlock = nfts.mintedBy(hash).getFirst().mintedBlock();

    chain.request("evm_revert", List.of(snapshot), Response.class);
    chain.request("anvil_mine", List.of("0x3"), Response.class);

    await().atMost(Duration.ofSeconds(30)).until(() -> nfts.mintedBy(hash).isEmpty());
    await().atMost(Duration.ofSeconds(30)).until(() -> history(transactions, id).contains("reorganised away"));

    // broadcast again by the manager, mined in the new chain; more blocks bring confirmations
    await().atMost(Duration.ofSeconds(60)).until(() -> nfts.mintedBy(hash).size() == 1);
    chain.request("anvil_mine", List.of("0x3"), Response.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> transactions.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED);

    TokenView token = nfts.mintedBy(hash).getFirst();
    assertThat(token.owner()).isEqualTo(Address.of(owner));
    assertThat(token.mintedBlock()).isNotEqualTo(firstBlock);
    assertThat(CollectionAbi.ownerOf(chain, collection, token.token().tokenId())).isEqualToIgnoringCase(owner);
    assertThat(transactions.find(id).orElseThrow().blockNumber()).isEqualTo(token.mintedBlock());
  }

  /** An ERC-1155 batch transfer of a contract we did not write, reorganised away: the holders' copies are as before it. */
  @Test
  void anErc1155BatchTransferReorganisedAwayLeavesTheCopiesWhereTheyWere() {
    ChainClient chain = server.bean(ChainClient.class);
    IndexedNfts nfts = server.bean(IndexedNfts.class);
    Address editions = TestContracts.deploy(chain, "ForeignErc1155");
    String holder = "0x00000000000000000000000000000000000000c1";
    String other = "0x00000000000000000000000000000000000000c2";
    chain.request("anvil_setBalance", List.of(holder, "0xde0b6b3a7640000"), Response.class);
    send(chain, holder, editions, FunctionEncoder.encode(new Function("mintBatch", List.of(new org.web3j.abi.datatypes.Address(holder),
        uints(1, 2), uints(10, 20)), List.of())));
    TokenRef first = new TokenRef(server.bean(DeployedContracts.class).chainId(), editions, BigInteger.ONE);
    TokenRef second = new TokenRef(first.chainId(), editions, BigInteger.TWO);
    await().atMost(Duration.ofSeconds(30)).until(() -> nfts.copiesHeld(second, Address.of(holder)).equals(BigInteger.valueOf(20)));

    String snapshot = chain.request("evm_snapshot", List.of(), Quantity.class).getResult();
    send(chain, holder, editions, FunctionEncoder.encode(new Function("safeBatchTransferFrom", List.of(new org.web3j.abi.datatypes.Address(holder),
        new org.web3j.abi.datatypes.Address(other), uints(1, 2), uints(10, 5), new DynamicBytes(new byte[0])), List.of())));
    await().atMost(Duration.ofSeconds(30)).until(() -> nfts.copiesHeld(first, Address.of(other)).equals(BigInteger.TEN));
    assertThat(nfts.copiesHeld(first, Address.of(holder))).isZero();

    chain.request("evm_revert", List.of(snapshot), Response.class);
    chain.request("anvil_mine", List.of("0x3"), Response.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> nfts.copiesHeld(first, Address.of(holder)).equals(BigInteger.TEN));
    assertThat(nfts.copiesHeld(second, Address.of(holder))).isEqualTo(BigInteger.valueOf(20));
    assertThat(nfts.copiesHeld(first, Address.of(other))).isZero();
    assertThat(nfts.copiesHeld(second, Address.of(other))).isZero();
    assertThat(nfts.holdings(Address.of(other), 10)).isEmpty();
  }

  /** A wallet's redemption of a lazy mint, reorganised away: the token was never minted, and the voucher is on sale again. */
  @Test
  void aLazyMintRedemptionReorganisedAwayPutsTheVoucherBackOnSale() {
    ChainClient chain = server.bean(ChainClient.class);
    DeployedContracts contracts = server.bean(DeployedContracts.class);
    Api api = server.api();
    Api.Session creator = api.newUser();
    Api.Response listed = api.upload("/api/v1/lazy-mints", creator.accessToken(), new Multipart().file("image", "quay.png", "image/png", TestImages.png(41))
        .json("metadata", "{\"name\": \"Reorg Quay\"}").field("price", "0.01"), null);
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    String path = "/api/v1/lazy-mints/" + listed.text("id");
    SelfCustody buyer = SelfCustodySessions.signIn(api, server.port(), contracts.chainId().value());
    chain.request("anvil_setBalance", List.of(buyer.address(), "0xde0b6b3a7640000"), Response.class);
    // a wallet may redeem once the creator's minter role is granted and confirmed (three blocks here)
    Api.Response[] bought = new Api.Response[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      chain.request("anvil_mine", List.of("0x1"), Response.class);
      bought[0] = api.postJson(path + "/buy", Map.of("priceWei", "10000000000000000"), buyer.accessToken());
      return bought[0].status() == 200;
    });
    JsonNode toSign = bought[0].json().get("transactionToSign");

    String snapshot = chain.request("evm_snapshot", List.of(), Quantity.class).getResult();
    send(chain, buyer.address(), Address.of(toSign.get("to").asString()), toSign.get("data").asString(), new BigInteger(toSign.get("value").asString()));
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path, null).text("state").equals("REDEEMED"));
    String collection = contracts.collection().address().checksummed();
    assertThat(CollectionAbi.balanceOf(chain, collection, buyer.address())).isEqualTo(BigInteger.ONE);

    chain.request("evm_revert", List.of(snapshot), Response.class);
    chain.request("anvil_mine", List.of("0x3"), Response.class);
    await().atMost(Duration.ofSeconds(30)).until(() -> api.get(path, null).text("state").equals("OPEN"));
    assertThat(api.get(path, null).json().hasNonNull("tokenId")).isFalse();
    assertThat(CollectionAbi.balanceOf(chain, collection, buyer.address())).isZero();
  }

  /** As the holder's own wallet would send it (anvil impersonates the address). */
  private static void send(ChainClient chain, String from, Address to, String data) {
    send(chain, from, to, data, BigInteger.ZERO);
  }

  private static void send(ChainClient chain, String from, Address to, String data, BigInteger value) {
    chain.request("anvil_impersonateAccount", List.of(from), Response.class);
    Map<String, String> tx = Map.of("from", from, "to", to.hex(), "data", data, "gas", "0x4c4b40", "value", Numeric.toHexStringWithPrefix(value));
    String hash = chain.request("eth_sendTransaction", List.of(tx), EthSendTransaction.class).getTransactionHash();
    assertThat(chain.awaitReceipt(hash, Duration.ofSeconds(30)).orElseThrow().succeeded()).isTrue();
  }

  private static DynamicArray<Uint256> uints(long... values) {
    return new DynamicArray<>(Uint256.class, Arrays.stream(values).mapToObj(Uint256::new).toList());
  }

  private static String history(TransactionManager transactions, TransactionId id) {
    TransactionView tx = transactions.find(id).orElseThrow();
    return tx.history().toString();
  }
}
