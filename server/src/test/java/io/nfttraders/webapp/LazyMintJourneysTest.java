package io.nfttraders.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Browsers;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.protocol.core.methods.response.VoidResponse;

/** Lazy minting in Debian's Chromium: a creator lists a token unminted; a collector's purchase mints it to them. */
@MarketplaceTest
class LazyMintJourneysTest extends BrowserJourneys {

  private static final LocatorAssertions.HasTextOptions CHAIN_WAIT = new LocatorAssertions.HasTextOptions().setTimeout(120_000);

  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;

  @Test
  void aCreatorListsATokenUnmintedAndACollectorsPurchaseMintsItToThem() {
    Page creator = signUp();
    String lazyPage = listUnminted(creator, "Evening Ferry", "0.02", 12);
    assertThat(creator.getByText("Not minted yet")).isVisible();

    Page collector = signUp();
    String me = collector.getByTestId("my-address").textContent();
    await().atMost(Duration.ofSeconds(60)).until(() -> chain.balance(Address.of(me)).signum() > 0);
    // found on Explore among what is listed unminted
    collector.navigate("/#/");
    collector.getByLabel("Status").selectOption("UNMINTED");
    collector.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Evening Ferry"))).click();
    assertThat(collector).hasURL(Pattern.compile(lazyPage + "$")); // "#/lazy/<uuid>": nothing in it a regular expression reads specially
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for 0.02 ETH")).click();
    assertThat(collector).hasURL(Pattern.compile("#/nft/0x[0-9a-fA-F]{40}/\\d+$"), new PageAssertions.HasURLOptions().setTimeout(120_000));
    assertThat(collector.getByTestId("owner")).hasText(me, CHAIN_WAIT);
    assertThat(collector.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Evening Ferry"))).isVisible();
    Browsers.screenshot(collector, "lazy-mint-bought");
    BigInteger tokenId = new BigInteger(collector.url().substring(collector.url().lastIndexOf('/') + 1));
    assertThat(CollectionAbi.ownerOf(chain, contracts.collection().address().checksummed(), tokenId)).isEqualToIgnoringCase(me);
  }

  @Test
  void aWalletCreatorSignsTheVoucherInTheirWalletAndAWalletCollectorSendsThePurchaseFromTheirs() {
    TestWallet creatorWallet = new TestWallet(chain);
    Page creator = connect(creatorWallet);
    String lazyPage = listUnminted(creator, "Lantern Quay", "0.03", 14);
    assertThat(creator.getByText("Your voucher is listed")).isVisible();
    String collection = contracts.collection().address().checksummed();
    await().atMost(Duration.ofSeconds(60)).until(() -> CollectionAbi.hasRole(chain, collection, CollectionAbi.MINTER_ROLE, creatorWallet.address));

    TestWallet collectorWallet = new TestWallet(chain);
    chain.request("anvil_setBalance", List.of(collectorWallet.address, "0xde0b6b3a7640000"), VoidResponse.class);
    Page collector = connect(collectorWallet);
    collector.navigate("/" + lazyPage);
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy for 0.03 ETH")).click();
    assertThat(collector).hasURL(Pattern.compile("#/nft/0x[0-9a-fA-F]{40}/\\d+$"), new PageAssertions.HasURLOptions().setTimeout(120_000));
    assertThat(collector.getByTestId("owner")).hasText(collectorWallet.address, CHAIN_WAIT);
    BigInteger tokenId = new BigInteger(collector.url().substring(collector.url().lastIndexOf('/') + 1));
    assertThat(CollectionAbi.ownerOf(chain, collection, tokenId)).isEqualToIgnoringCase(collectorWallet.address);
    assertThat(CollectionAbi.royaltyInfo(chain, collection, tokenId, BigInteger.valueOf(10_000)).receiver()).isEqualTo(Address.of(creatorWallet.address));
  }

  /** Lists a new image unminted from the Create page; answers the lazy mint's page (#/lazy/...), which the creator is on. */
  private static String listUnminted(Page creator, String name, String priceEth, int seed) {
    creator.navigate("/#/create");
    creator.getByLabel("How").selectOption("lazy");
    creator.getByLabel("Price (ETH)").fill(priceEth);
    creator.locator("input[type=file]").setInputFiles(new FilePayload("art.png", "image/png", ArtImages.png(seed)));
    creator.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mint")).click();
    assertThat(creator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(name))).isVisible();
    return creator.url().substring(creator.url().indexOf('#'));
  }

  /** A browser of its own whose injected wallet has signed in (Sign-In with Ethereum). */
  private Page connect(TestWallet wallet) {
    BrowserContext person = browsers.person();
    wallet.injectInto(person);
    Page page = browsers.open(person, "#/connect");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Test Wallet")).click();
    assertThat(page.getByTestId("my-address")).hasText(wallet.address);
    return page;
  }

  /** A new account, signed up in a browser of its own; its profile shows its wallet. */
  private Page signUp() {
    Page page = browsers.open(browsers.person(), "#/signup");
    page.getByLabel("Email").fill("lazy-" + UUID.randomUUID() + "@example.com");
    page.getByLabel("Password").fill("correct horse battery staple");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
    assertThat(page.getByTestId("my-address")).hasText(Pattern.compile("0x[0-9a-fA-F]{40}"));
    return page;
  }
}
