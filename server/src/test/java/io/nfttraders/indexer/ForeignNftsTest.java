package io.nfttraders.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.Chains;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.ForeignTokens;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.abi.datatypes.DynamicBytes;
import tools.jackson.databind.JsonNode;

/**
 * The indexer follows every NFT contract of the chain: OpenZeppelin's ERC-721 and ERC-1155 deployed by
 * the test (contracts we did not write) become the holders' NFTs, balances per holder for ERC-1155, and
 * an ERC-20's Transfer logs (ERC-721's topic, three topics) never become NFTs.
 */
@MarketplaceTest
class ForeignNftsTest {

  private static final Duration INDEXED = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired Chains chains;
  @Autowired DeployedContracts contracts;
  @Autowired JdbcClient jdbc;

  @Test
  void everyErc721AndErc1155OfTheChainIsIndexedWithItsHoldersAndNoErc20TransferBecomesAnNft() {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session user = api.newUser();
    String wallet = user.walletAddress();
    ForeignTokens foreign = new ForeignTokens(chain);
    Address erc721 = foreign.erc721();
    Address erc1155 = foreign.erc1155();
    Address erc20 = foreign.erc20();
    foreign.mint721(erc721, wallet, 7);
    foreign.mint1155(erc1155, wallet, 1, 10);
    foreign.mintBatch1155(erc1155, wallet, new long[] {2, 3}, new long[] {5, 6});
    foreign.mint20(erc20, wallet, 1_000);

    await().atMost(INDEXED).until(() -> held(api, user).size() == 4);
    assertThat(held(api, user)).isEqualTo(Map.of(erc721.checksummed() + "/7", "1", erc1155.checksummed() + "/1", "10",
        erc1155.checksummed() + "/2", "5", erc1155.checksummed() + "/3", "6"));
    // the chain agrees
    assertThat(CollectionAbi.ownerOf(chain, erc721.checksummed(), BigInteger.valueOf(7))).isEqualToIgnoringCase(wallet);
    assertThat(foreign.balanceOf(erc1155, wallet, 1)).isEqualTo(BigInteger.TEN);
    assertThat(jdbc.sql("select count(*) from nft_tokens where contract = :c").param("c", erc20.hex()).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from nft_contracts where address = :c and standard <> 'NONE'").param("c", erc20.hex()).query(Long.class).single())
        .as("never taken for an NFT contract").isZero();
    JsonNode edition = api.get("/api/v1/nfts/" + contracts.chainId() + "/" + erc1155.checksummed() + "/1", null).json();
    assertThat(edition.get("standard").asString()).isEqualTo("ERC1155");
    assertThat(edition.hasNonNull("owner")).as("an edition has holders, not an owner").isFalse();
    String query = "{ nft(collection: \"" + erc1155.checksummed() + "\", tokenId: \"1\") { standard owner supply } }";
    JsonNode node = api.post("/graphql", Api.JSON.writeValueAsString(Map.of("query", query)), null).json().get("data").get("nft");
    assertThat(node.get("standard").asString()).isEqualTo("ERC1155");
    assertThat(node.get("supply").asString()).isEqualTo("10");
    assertThat(node.get("owner").isNull()).isTrue();

    // a batch transfer moves copies between holders; a holding that reaches zero is gone
    String friend = "0x00000000000000000000000000000000000f71e0";
    market.awaitFunded(List.of(user));
    market.sendAs(wallet, erc1155.checksummed(), ForeignTokens.call("safeBatchTransferFrom", ForeignTokens.address(wallet), ForeignTokens.address(friend),
        ForeignTokens.uints(1, 2), ForeignTokens.uints(4, 5),
        new DynamicBytes(new byte[0])));
    await().atMost(INDEXED).until(() -> held(api, user).size() == 3);
    assertThat(held(api, user)).containsEntry(erc1155.checksummed() + "/1", "6").doesNotContainKey(erc1155.checksummed() + "/2");
    assertThat(copies(erc1155, friend)).isEqualTo(Map.of("1", "4", "2", "5"));
    assertThat(foreign.balanceOf(erc1155, friend, 2)).isEqualTo(BigInteger.valueOf(5));
  }

  @Test
  void anNftOnTheLayerTwoIsIndexedUnderItsOwnChainByThatChainsIndexer() {
    Api api = new Api(port);
    Chains.Chain layer2 = chains.all().stream().filter(c -> c != chains.defaultChain()).findFirst().orElseThrow();
    Api.Session user = api.newUser();
    ForeignTokens foreign = new ForeignTokens(layer2.client());
    Address erc721 = foreign.erc721();
    foreign.mint721(erc721, user.walletAddress(), 11);

    await().atMost(INDEXED).until(() -> held(api, user).containsKey(erc721.checksummed() + "/11"));
    JsonNode listed = api.get("/api/v1/user/nfts?limit=200", user.accessToken()).json().valueStream()
        .filter(n -> n.get("contract").asString().equals(erc721.checksummed())).findFirst().orElseThrow();
    assertThat(listed.get("chainId").asLong()).isEqualTo(layer2.properties().id());
    assertThat(CollectionAbi.ownerOf(layer2.client(), erc721.checksummed(), BigInteger.valueOf(11))).isEqualToIgnoringCase(user.walletAddress());
    assertThat(api.get("/api/v1/nfts/" + chains.defaultChain().id() + "/" + erc721.checksummed() + "/11", null).status())
        .as("not an NFT of the default chain").isEqualTo(404);
  }

  /** The user's NFTs as the API lists them: "contract/tokenId" to the copies held. */
  private static Map<String, String> held(Api api, Api.Session user) {
    return api.get("/api/v1/user/nfts?limit=200", user.accessToken()).json().valueStream()
        .collect(Collectors.toMap(n -> n.get("contract").asString() + "/" + n.get("tokenId").asString(), n -> n.get("copies").asString()));
  }

  private Map<String, String> copies(Address contract, String holder) {
    return jdbc.sql("select token_id, balance from nft_balances where contract = :c and holder = :h")
        .param("c", contract.hex()).param("h", Address.parse(holder).hex())
        .query((rs, n) -> Map.entry(rs.getBigDecimal(1).toPlainString(), rs.getBigDecimal(2).toPlainString())).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
