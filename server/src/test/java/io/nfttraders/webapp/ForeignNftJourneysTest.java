package io.nfttraders.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.Browsers;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.ForeignTokens;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** NFTs of contracts we did not write (OpenZeppelin's ERC-721 and ERC-1155), bought in Debian's Chromium and checked on the chain. */
@MarketplaceTest
class ForeignNftJourneysTest extends BrowserJourneys {

  private static final LocatorAssertions.HasTextOptions CHAIN_WAIT = new LocatorAssertions.HasTextOptions().setTimeout(120_000);

  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;

  @Test
  void aCollectorBuysAForeignTokenAndCopiesOfAForeignEditionListedByAnotherUser() {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    ForeignTokens foreign = new ForeignTokens(chain);
    Api.Session seller = api.newUser();
    Address erc721 = foreign.erc721();
    Address erc1155 = foreign.erc1155();
    foreign.mint721(erc721, seller.walletAddress(), 77);
    foreign.mint1155(erc1155, seller.walletAddress(), 4, 10);
    market.awaitFunded(List.of(seller));
    String token = listWhenIndexed(api, seller, Map.of("collection", erc721.checksummed(), "tokenId", "77", "price", "0.04"));
    String copies = listWhenIndexed(api, seller, Map.of("collection", erc1155.checksummed(), "tokenId", "4", "amount", "3", "price", "0.06"));
    market.awaitOrder(token, true);
    market.awaitOrder(copies, true);

    Page collector = browsers.open(browsers.person(), "#/signup");
    collector.getByLabel("Email").fill("collector-" + UUID.randomUUID() + "@example.com");
    collector.getByLabel("Password").fill("correct horse battery staple");
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
    assertThat(collector.getByTestId("my-address")).hasText(Pattern.compile("0x[0-9a-fA-F]{40}"));
    String me = collector.getByTestId("my-address").textContent();
    await().atMost(Duration.ofSeconds(60)).until(() -> chain.balance(Address.of(me)).signum() > 0);

    collector.navigate("/#/nft/" + erc721.checksummed() + "/77");
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy now for 0.04 ETH")).click();
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(collector.getByTestId("owner")).hasText(me, CHAIN_WAIT);
    assertThat(CollectionAbi.ownerOf(chain, erc721.checksummed(), BigInteger.valueOf(77))).isEqualToIgnoringCase(me);

    collector.navigate("/#/nft/" + erc1155.checksummed() + "/4");
    assertThat(collector.getByTestId("edition")).containsText("Edition of 10 copies");
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy 3 copies for 0.06 ETH")).click();
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(collector.getByTestId("held")).hasText("you hold 3", CHAIN_WAIT);
    Browsers.screenshot(collector, "foreign-edition");
    assertThat(foreign.balanceOf(erc1155, me, 4)).isEqualTo(BigInteger.valueOf(3));
    assertThat(foreign.balanceOf(erc1155, seller.walletAddress(), 4)).isEqualTo(BigInteger.valueOf(7));
  }

  @Test
  void metadataThatCarriesScriptShowsAsInertTextAndItsImageIsNotShown() {
    Api api = new Api(port);
    ForeignTokens foreign = new ForeignTokens(chain);
    Address nfts = foreign.erc721WithUris();
    // a data: URI, as on-chain NFTs carry their metadata (short: the contract stores it)
    foreign.mint721(nfts, "0x00000000000000000000000000000000000c0de0", 1,
        "data:application/json,{\"name\":\"<img src=x onerror=alert(1)>\",\"image\":\"javascript:alert(3)\"}");

    Page visitor = browsers.open(browsers.person(), "#/");
    java.util.List<String> dialogs = new java.util.ArrayList<>();
    visitor.onDialog(dialog -> {
      dialogs.add(dialog.message());
      dialog.dismiss();
    });
    String query = "{ nft(collection: \"" + nfts.checksummed() + "\", tokenId: \"1\") { metadataFetch { state } } }";
    await().atMost(Duration.ofSeconds(60)).until(() -> api.post("/graphql", Api.JSON.writeValueAsString(Map.of("query", query)), null).body()
        .contains("FETCHED"));
    visitor.navigate("/#/nft/" + nfts.checksummed() + "/1");
    assertThat(visitor.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("<img src=x onerror=alert(1)>"))).isVisible();
    assertThat(visitor.locator("img[src=x]")).hasCount(0);
    assertThat(visitor.getByTestId("metadata-state")).containsText("image refused");
    assertThat(dialogs).as("no script ran").isEmpty();
  }

  /** Lists through the API once the indexer knows the token (until then it answers 404 and stores nothing); answers the listing's hash. */
  private static String listWhenIndexed(Api api, Api.Session seller, Map<String, Object> listing) {
    Api.Response[] placed = new Api.Response[1];
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      placed[0] = api.postJson("/api/v1/listings", listing, seller.accessToken());
      return placed[0].status() == 201;
    });
    return placed[0].text("hash");
  }
}
