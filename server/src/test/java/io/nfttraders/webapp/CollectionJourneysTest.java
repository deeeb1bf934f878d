package io.nfttraders.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.support.Browsers;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/** Creators' collections of their own, made and minted into in Debian's Chromium, checked on the chain. */
@MarketplaceTest
class CollectionJourneysTest extends BrowserJourneys {

  private static final Locator.ClickOptions CHAIN_WAIT = new Locator.ClickOptions().setTimeout(120_000);

  @Autowired ChainClient chain;

  @Test
  void aCreatorMakesACollectionOfTheirOwnMintsIntoItAndItsPageShowsItsTerms() {
    Page creator = signUp();
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

    creator.getByLabel("Collection").selectOption(new SelectOption().setLabel("Tidal Prints (TIDE)"));
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

  @Test
  void aCreatorMintsAnEditionOfCopiesIntoTheirErc1155CollectionAndItsPageSaysHowMany() {
    Page creator = signUp();
    String wallet = creator.getByTestId("my-address").textContent();

    creator.navigate("/#/collections/new");
    creator.getByLabel("Collection name").fill("Harbour Editions");
    creator.getByLabel("Symbol").fill("HARB");
    creator.getByLabel("Kind").selectOption("ERC1155");
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create collection")).click();
    creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Mint into Harbour Editions")).click(CHAIN_WAIT);

    creator.getByLabel("Collection").selectOption(new SelectOption().setLabel("Harbour Editions (HARB), editions"));
    creator.getByLabel("Copies (an edition)").fill("5");
    creator.locator("input[type=file]").setInputFiles(new FilePayload("dawn.png", "image/png", ArtImages.png(13)));
    creator.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Harbour at Dawn");
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mint")).click();
    creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("View token"))).click(CHAIN_WAIT);
    assertThat(creator.getByTestId("edition")).hasText(Pattern.compile("Edition of 5 copies"));
    assertThat(creator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Harbour at Dawn"))).isVisible();

    // the chain's own answer: the creator holds the five copies
    String path = creator.url().substring(creator.url().indexOf("#/nft/") + "#/nft/".length());
    String collection = path.substring(0, path.indexOf('/'));
    BigInteger tokenId = new BigInteger(path.substring(path.indexOf('/') + 1));
    assertThat(copiesOnChain(collection, wallet, tokenId)).isEqualTo(BigInteger.valueOf(5));
    Browsers.screenshot(creator, "edition");
  }

  /** A new account, signed up in a browser of its own; its profile shows its wallet. */
  private Page signUp() {
    Page page = browsers.open(browsers.person(), "#/signup");
    page.getByLabel("Email").fill("creator-" + UUID.randomUUID() + "@example.com");
    page.getByLabel("Password").fill("correct horse battery staple");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
    assertThat(page.getByTestId("my-address")).hasText(Pattern.compile("0x[0-9a-fA-F]{40}"));
    return page;
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private BigInteger copiesOnChain(String collection, String holder, BigInteger tokenId) {
    Function f = new Function("balanceOf", List.of(new Address(holder), new Uint256(tokenId)), List.of(new TypeReference<Uint256>() {}));
    String answer = chain.call(io.nfttraders.ethereum.Address.parse(collection), Numeric.hexStringToByteArray(FunctionEncoder.encode(f)));
    List<Type> out = FunctionReturnDecoder.decode(answer, (List) f.getOutputParameters());
    return (BigInteger) out.getFirst().getValue();
  }
}
