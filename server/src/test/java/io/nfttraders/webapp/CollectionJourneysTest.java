package io.nfttraders.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.support.Browsers;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A creator's collection of their own, made and minted into in Debian's Chromium, checked on the chain. */
@MarketplaceTest
class CollectionJourneysTest extends BrowserJourneys {

  private static final Locator.ClickOptions CHAIN_WAIT = new Locator.ClickOptions().setTimeout(120_000);

  @Autowired ChainClient chain;

  @Test
  void aCreatorMakesACollectionOfTheirOwnMintsIntoItAndItsPageShowsItsTerms() {
    Page creator = browsers.open(browsers.person(), "#/signup");
    creator.getByLabel("Email").fill("creator-" + UUID.randomUUID() + "@example.com");
    creator.getByLabel("Password").fill("correct horse battery staple");
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
    String wallet = creator.getByTestId("my-address").textContent();
    assertThat(creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a collection"))).isVisible();

    creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create a collection")).click();
    creator.getByLabel("Collection name").fill("Tidal Prints");
    creator.getByLabel("Symbol").fill("TIDE");
    creator.getByLabel("Kind").selectOption("ERC721");
    creator.getByLabel("Royalty on every sale (%)").fill("8");
    creator.getByLabel("Description").fill("Prints of the tide, one of each.");
    creator.getByLabel("Image").setInputFiles(new FilePayload("tide.png", "image/png", ArtImages.png(11)));
    Browsers.screenshot(creator, "new-collection");
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create collection")).click();
    creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mint into Tidal Prints")).click(CHAIN_WAIT);

    creator.getByLabel("Collection").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Tidal Prints (TIDE)"));
    assertThat(creator.getByLabel("Royalty on resales (%)")).isHidden();
    creator.locator("input[type=file]").setInputFiles(new FilePayload("high-water.png", "image/png", ArtImages.png(12)));
    creator.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("High Water");
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mint")).click();
    creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("View token"))).click(CHAIN_WAIT);
    assertThat(creator.getByTestId("owner")).hasText(wallet);
    assertThat(creator.getByTestId("royalty")).hasText(Pattern.compile("Royalty: 8% of every sale to 0x"));

    // the chain's own answers: the token is in the creator's collection, whose royalty is theirs
    String path = creator.url().substring(creator.url().indexOf("#/nft/") + "#/nft/".length());
    String collection = path.substring(0, path.indexOf('/'));
    BigInteger tokenId = new BigInteger(path.substring(path.indexOf('/') + 1));
    assertThat(CollectionAbi.ownerOf(chain, collection, tokenId)).isEqualToIgnoringCase(wallet);
    assertThat(CollectionAbi.royaltyInfo(chain, collection, tokenId, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(wallet, 800));

    creator.navigate("/#/collection/" + collection);
    assertThat(creator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tidal Prints"))).isVisible();
    assertThat(creator.getByTestId("collection-terms")).containsText("One of a kind");
    assertThat(creator.getByTestId("collection-terms")).containsText("8% royalty");
    assertThat(creator.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Items")).locator(".tile").first()).containsText("High Water");
    Browsers.screenshot(creator, "creator-collection");
  }
}
