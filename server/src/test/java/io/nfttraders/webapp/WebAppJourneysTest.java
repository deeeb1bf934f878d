package io.nfttraders.webapp;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.Browsers;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/** The web app in Debian's Chromium against the whole server on its embedded defaults: what people do with it. */
@MarketplaceTest
class WebAppJourneysTest extends BrowserJourneys {

  private static final LocatorAssertions.HasTextOptions CHAIN_WAIT = new LocatorAssertions.HasTextOptions().setTimeout(120_000);

  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void aCreatorSignsUpMintsAndListsAndACollectorInAnotherBrowserBuysAndBothPagesShowTheNewOwner() {
    BrowserContext alice = browsers.person();
    Page creator = signUp(alice);
    String aliceAddress = creator.getByTestId("my-address").textContent();

    creator.navigate("/#/create");
    creator.locator("input[type=file]").setInputFiles(new FilePayload("sunrise.png", "image/png", ArtImages.png(7)));
    creator.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Sunrise Over Anvil");
    creator.getByLabel("Description").fill("The first light on a local chain.");
    creator.locator(".trait-type").first().fill("Palette");
    creator.locator(".trait-value").first().fill("Warm");
    creator.getByLabel("Royalty on resales (%)").fill("7.5");
    assertThat(creator.locator(".preview img")).hasCount(1);
    Browsers.screenshot(creator, "create");
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mint")).click();
    creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("View token"))).click(new Locator.ClickOptions().setTimeout(120_000));
    assertThat(creator.getByTestId("owner")).hasText(aliceAddress);
    assertThat(creator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Sunrise Over Anvil"))).isVisible();
    assertThat(creator.getByTestId("royalty")).hasText(Pattern.compile("Royalty: 7\\.5% of every sale to 0x"));
    String nftPath = creator.url().substring(creator.url().indexOf('#'));
    BigInteger tokenId = new BigInteger(nftPath.substring(nftPath.lastIndexOf('/') + 1));
    assertThat(CollectionAbi.royaltyInfo(chain, contracts.collection().address().checksummed(), tokenId, BigInteger.valueOf(10_000)))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(aliceAddress, 750));

    creator.getByLabel("Price (ETH)").fill("0.05");
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("List for sale")).click();
    assertThat(creator.getByTestId("price")).hasText("0.05 ETH", CHAIN_WAIT);
    Browsers.screenshot(creator, "nft");

    BrowserContext bob = browsers.person();
    Page collector = signUp(bob);
    String bobAddress = collector.getByTestId("my-address").textContent();
    // his wallet is funded by the dev chain just after sign-up
    await().atMost(Duration.ofSeconds(60)).until(() -> chain.balance(io.nfttraders.ethereum.Address.of(bobAddress)).signum() > 0);
    collector.navigate("/#/");
    collector.getByLabel("Search by name").fill("sunrise over");
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
    Locator tile = collector.locator(".tile").filter(new Locator.FilterOptions().setHasText("Sunrise Over Anvil"));
    assertThat(tile).containsText("0.05 ETH");
    Browsers.screenshot(collector, "explore");
    tile.click();
    // by keyboard: the confirmation takes the focus, Enter confirms
    collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Buy now for 0.05 ETH")).focus();
    collector.keyboard().press("Enter");
    assertThat(collector.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm"))).isFocused();
    collector.keyboard().press("Enter");

    assertThat(collector.getByTestId("owner")).hasText(bobAddress, CHAIN_WAIT);
    // the creator's page, left open, follows the sale without a reload
    assertThat(creator.getByTestId("owner")).hasText(bobAddress, CHAIN_WAIT);
    assertThat(creator.getByText("Not for sale.")).isVisible();
    assertThat(CollectionAbi.ownerOf(chain, contracts.collection().address().checksummed(), tokenId)).isEqualToIgnoringCase(bobAddress);

    collector.reload();
    assertThat(collector.locator("svg.chart circle")).hasCount(1);
    assertThat(collector.locator("table.activity")).containsText("sale");
    Browsers.screenshot(collector, "nft-sold");

    collector.navigate("/#/me");
    assertThat(collector.locator(".tile").filter(new Locator.FilterOptions().setHasText("Sunrise Over Anvil"))).isVisible();
    Browsers.screenshot(collector, "profile");
    collector.navigate("/#/collection/" + contracts.collection().address().checksummed());
    assertThat(collector.getByText("Volume")).isVisible();
    // sold and no longer listed, it is still one of the collection's items: the newest
    Locator items = collector.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Items"));
    assertThat(items.locator(".tile").first()).containsText("Sunrise Over Anvil");
    assertThat(collector.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Listings")).locator(".tile")
        .filter(new Locator.FilterOptions().setHasText("Sunrise Over Anvil"))).hasCount(0);

    // a drop: several images minted in one transaction, with numbered names
    creator.navigate("/#/create");
    creator.locator("input[type=file]").setInputFiles(new FilePayload[] {
        new FilePayload("dawn-1.png", "image/png", ArtImages.png(21)), new FilePayload("dawn-2.png", "image/png", ArtImages.png(22))});
    creator.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Dawn Drop");
    assertThat(creator.locator(".preview figcaption")).hasText(new String[] {"Dawn Drop #1", "Dawn Drop #2"});
    creator.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mint")).click();
    Locator minted = creator.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("View token")));
    assertThat(minted).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(120_000));
    assertThat(creator.locator("ol.progress li[aria-current=step]")).hasText("Confirmed");
    for (String link : minted.all().stream().map(l -> l.getAttribute("href")).toList()) {
      BigInteger dropped = new BigInteger(link.substring(link.lastIndexOf('/') + 1));
      assertThat(CollectionAbi.ownerOf(chain, contracts.collection().address().checksummed(), dropped)).isEqualToIgnoringCase(aliceAddress);
    }
    minted.last().click();
    assertThat(creator.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Dawn Drop #2"))).isVisible();
    Browsers.screenshot(collector, "collection");
    alice.close();
    bob.close();
  }

  @Test
  void twoBiddersInOneAuctionRoomSeeEachOthersBidsLiveAndTheCountdownFollowsALateBidsExtension() {
    Api.Session seller = api.newUser();
    Api.Session first = api.newUser();
    Api.Session second = api.newUser();
    market.withWeth("1", first, second);
    BigInteger token = mintArt(seller, "{\"name\":\"Evening Lot\",\"attributes\":[{\"trait_type\":\"Palette\",\"value\":\"Cool\"}]}", 11);
    // two minutes of bidding, and any bid in the last ten moves the end to ten minutes after it
    Api.Response created = api.postJson("/api/v1/auctions", Map.of("collection", contracts.collection().address().checksummed(), "tokenId", token.toString(),
        "type", "ENGLISH", "startPrice", "0.01", "duration", "PT2M", "extensionWindow", "PT10M"), seller.accessToken());
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String room = "#/auction/" + created.text("id");
    JsonNode ofToken = graphql("query($c: String, $t: String) { openAuctions(collection: $c, tokenId: $t) { id } }",
        Map.of("c", contracts.collection().address().checksummed(), "t", token.toString())).get("openAuctions");
    assertThat(ofToken.valueStream().map(a -> a.get("id").asString()).toList()).containsExactly(created.text("id"));
    assertThat(graphqlErrors("{ openAuctions(collection: \"" + contracts.collection().address().checksummed() + "\") { id } }")).contains("both collection and tokenId");
    assertThat(graphqlErrors("{ openAuctions(first: 0) { id } }")).contains("first must be between 1 and 100");

    Page one = logIn(browsers.person(), first);
    Page two = logIn(browsers.person(), second);
    Page owner = logIn(browsers.person(), seller);
    owner.navigate("/" + room);
    Locator cancel = owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel auction"));
    assertThat(cancel).isVisible();
    one.navigate("/" + room);
    two.navigate("/" + room);
    two.evaluate("() => { window.stillTheSamePage = true; }");
    assertThat(two.getByTestId("countdown")).hasText(Pattern.compile("Ends in 0[01]:\\d\\d"));

    one.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place bid")).click();
    assertThat(one.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("leads"))).containsText("0.01 WETH");
    assertThat(two.getByTestId("bids")).containsText("0.01 WETH");
    assertThat(two.getByTestId("current-bid")).hasText("Current bid 0.01 WETH");
    assertThat(two.getByTestId("countdown")).hasText(Pattern.compile("Ends in (09:[0-5]\\d|10:00)"));
    assertThat(two.getByTestId("minimum")).hasText("Minimum next bid 0.011 WETH");
    // a seller is bound by the first bid
    assertThat(cancel).isHidden();

    // the first bidder's profile, open in another browser, is told of the outbid as it happens
    Page inbox = logIn(browsers.person(), first);
    inbox.navigate("/#/me");
    assertThat(inbox.locator("ol.notifications[data-live=yes]")).hasCount(1);
    inbox.evaluate("() => { window.stillTheSamePage = true; }");
    two.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place bid")).click();
    assertThat(one.getByTestId("outbid")).hasText("You were outbid: 0.011 WETH now leads.");
    assertThat(inbox.locator("ol.notifications li[data-kind=OUTBID]")).containsText("0.011 WETH now leads");
    assertThat((Boolean) inbox.evaluate("() => window.stillTheSamePage === true")).isTrue();
    assertThat(one.getByTestId("bids").locator("li")).hasCount(2);
    assertThat((Boolean) two.evaluate("() => window.stillTheSamePage === true")).isTrue();
    Browsers.screenshot(one, "auction-room");

    one.navigate("/#/");
    one.getByLabel("Status").selectOption("AUCTION");
    Locator onAuction = one.locator(".tile").filter(new Locator.FilterOptions().setHasText("Evening Lot"));
    assertThat(onAuction).containsText("Top bid");
    assertThat(onAuction).containsText("0.011 WETH");
    onAuction.click();
    assertThat(one.getByTestId("current-bid")).hasText("Current bid 0.011 WETH");
    one.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Token page")).click();
    one.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("On auction: go to the auction room")).click();
    assertThat(one.getByTestId("bids").locator("li")).hasCount(2);
    JsonNode auction = api.get("/api/v1/auctions/" + created.text("id"), null).json();
    assertThat(auction.get("leader").asString()).isEqualToIgnoringCase(second.walletAddress());
    assertThat(auction.get("bids").asLong()).isEqualTo(2);

    // before anyone bids, the seller may take an auction back
    BigInteger unwanted = mintArt(seller, "{\"name\":\"Second Thoughts\"}", 12);
    String withdrawn = api.postJson("/api/v1/auctions", Map.of("collection", contracts.collection().address().checksummed(), "tokenId", unwanted.toString(),
        "startPrice", "0.01"), seller.accessToken()).text("id");
    owner.navigate("/#/auction/" + withdrawn);
    owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel auction")).click();
    owner.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm")).click();
    assertThat(owner.getByTestId("phase")).hasText("Auction cancelled");
    assertThat(owner.getByTestId("countdown")).hasText("Bidding closed");
    assertThat(api.get("/api/v1/auctions/" + withdrawn, null).text("phase")).isEqualTo("CANCELLED");
  }

  @Test
  void aSelfCustodyWalletSignsInAndSignsAnOfferInTheBrowserAndATamperedSignatureIsRefusedVisibly() {
    Api.Session seller = api.newUser();
    BigInteger token = mintArt(seller, "{\"name\":\"Harbour Lot\"}", 23);
    TestWallet wallet = new TestWallet(chain);
    BrowserContext person = browsers.person();
    wallet.injectInto(person);

    Page page = browsers.open(person, "#/connect");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with Test Wallet")).click();
    assertThat(page.getByTestId("my-address")).hasText(wallet.address);

    page.navigate("/#/nft/" + contracts.collection().address().checksummed() + "/" + token);
    page.getByLabel("Offer (WETH)").fill("0.02");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make offer")).click();
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Offer made: 0.02 WETH");
    JsonNode offers = graphql("query($c: String!, $t: String!) { nft(collection: $c, tokenId: $t) { offers { maker priceWei } } }",
        Map.of("c", contracts.collection().address().checksummed(), "t", token.toString())).get("nft").get("offers");
    assertThat(offers.valueStream().map(o -> o.get("maker").asString() + " " + o.get("priceWei").asString()).toList())
        .containsExactly(wallet.address + " 20000000000000000");

    wallet.tamper.set(true);
    page.getByLabel("Offer (WETH)").fill("0.03");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Make offer")).click();
    Locator refused = page.locator(".status.error");
    assertThat(refused).containsText("signature");
    assertThat(refused).isVisible();
    assertThat(graphql("query($c: String!, $t: String!) { nft(collection: $c, tokenId: $t) { offers { priceWei } } }",
        Map.of("c", contracts.collection().address().checksummed(), "t", token.toString())).get("nft").get("offers").size()).isEqualTo(1);

    // a bid is the wallet's own signed WETH offer: it holds WETH approved to the exchange (sent from outside our platform)
    wallet.tamper.set(false);
    String weth = contracts.weth().address().checksummed();
    chain.request("anvil_setBalance", List.of(wallet.address, "0xde0b6b3a7640000"), VoidResponse.class);
    market.sendAs(wallet.address, weth, FunctionEncoder.encode(new Function("deposit", List.of(), List.of())), TradingFixture.wei("0.5"));
    market.sendAs(wallet.address, weth, FunctionEncoder.encode(new Function("approve",
        List.of(new Address(contracts.exchange().checksummed()), new Uint256(TradingFixture.wei("0.5"))), List.of())));
    BigInteger auctioned = mintArt(seller, "{\"name\":\"Signal Lot\"}", 29);
    Api.Response auction = api.postJson("/api/v1/auctions", Map.of("collection", contracts.collection().address().checksummed(), "tokenId", auctioned.toString(),
        "startPrice", "0.04"), seller.accessToken());
    assertThat(auction.status()).as(auction.body()).isEqualTo(201);
    page.navigate("/#/auction/" + auction.text("id"));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Place bid")).click();
    assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("leads"))).containsText("0.04 WETH");
    assertThat(page.getByTestId("leader")).hasText("Leader " + wallet.address + " (you)");
    JsonNode decided = api.get("/api/v1/auctions/" + auction.text("id"), null).json();
    assertThat(decided.get("leader").asString()).isEqualTo(wallet.address);
    assertThat(decided.get("leadingBidWei").asString()).isEqualTo("40000000000000000");

    // a token of its own: the wallet signs the listing, then sends the exchange's approval itself
    String collection = contracts.collection().address().checksummed();
    BigInteger owned = mintArt(seller, "{\"name\":\"Keeper Lot\"}", 37);
    Api.Response withdrawn = api.postJson("/api/v1/wallet/withdrawals", Map.of("asset", "NFT", "collection", collection, "tokenId", owned.toString(),
        "to", wallet.address), seller.accessToken());
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
    await().atMost(Duration.ofSeconds(60)).until(() -> wallet.address.equalsIgnoreCase(
        api.get("/api/v1/nfts/" + contracts.chainId() + "/" + collection + "/" + owned, null).text("owner")));
    page.navigate("/#/nft/" + collection + "/" + owned);
    page.getByLabel("Price (ETH)").fill("0.06");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("List for sale")).click();
    assertThat(page.getByTestId("price")).hasText("0.06 ETH", CHAIN_WAIT);
    assertThat(page.getByRole(AriaRole.STATUS)).containsText("Listed.");
    String approved = chain.call(io.nfttraders.ethereum.Address.of(collection), Numeric.hexStringToByteArray(FunctionEncoder.encode(new Function("isApprovedForAll",
        List.of(new Address(wallet.address), new Address(contracts.exchange().checksummed())), List.of()))));
    assertThat(Numeric.toBigInt(approved)).as("the approval is on-chain").isEqualTo(BigInteger.ONE);
    person.close();
  }

  @Test
  void hostileMetadataRendersAsInertText() {
    Api.Session seller = api.newUser();
    String name = "<img src=x onerror=\"window.pwned='name'\"><script>window.pwned='script'</script>";
    String description = "<a href=\"javascript:window.pwned='link'\">click me</a> " + "W".repeat(9_000);
    String metadata = Api.JSON.writeValueAsString(Map.of("name", name, "description", description, "attributes",
        List.of(Map.of("trait_type", "<b onmouseover=\"window.pwned='trait'\">bold</b>", "value", "<svg onload=\"window.pwned='svg'\"/>"))));
    BigInteger token = mintArt(seller, metadata, 31);
    Api.Response listed = api.postJson("/api/v1/listings", Map.of("collection", contracts.collection().address().checksummed(), "tokenId", token.toString(),
        "price", "0.07"), seller.accessToken());
    assertThat(listed.status()).as(listed.body()).isEqualTo(201);
    market.awaitOrder(listed.text("hash"), true);

    Page page = browsers.open(browsers.person(), "#/nft/" + contracts.collection().address().checksummed() + "/" + token);
    assertThat(page.locator("h1")).hasText(name);
    assertThat(page.locator(".description")).containsText("<a href=\"javascript:");
    assertThat(page.locator(".attributes")).containsText("<svg onload=");
    page.navigate("/#/");
    page.getByLabel("Search by name").fill("script");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
    assertThat(page.locator(".tile-name").filter(new Locator.FilterOptions().setHasText("window.pwned"))).isVisible();
    page.goBack();
    assertThat(page.locator("h1")).hasText(name);
    page.locator("dd").first().hover();

    assertThat(page.evaluate("() => window.pwned ?? null")).isNull();
    assertThat(page.locator("main script, main [onerror], main [onload], main [onmouseover], main a[href^='javascript']").count()).isZero();
    assertThat(page.locator("main img[src='x']").count()).isZero();
    // a 9,000-character word wraps inside the page instead of widening it
    assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
    Browsers.screenshot(page, "hostile-metadata");
  }

  @Test
  void thePagesFitAPhoneScreen() {
    Api.Session seller = api.newUser();
    BigInteger token = mintArt(seller, "{\"name\":\"Pocket Lot\",\"description\":\"Seen on a small screen.\"}", 41);
    BrowserContext phone = browsers.person();
    Page page = phone.newPage();
    page.setViewportSize(390, 844);
    for (String hash : List.of("#/", "#/nft/" + contracts.collection().address().checksummed() + "/" + token, "#/collection/" + contracts.collection().address().checksummed(),
        "#/signup", "#/connect")) {
      page.navigate("/" + hash);
      assertThat(page.locator("main h1")).isVisible();
      assertThat((Boolean) page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")).as(hash).isTrue();
    }
    page.navigate("/#/nft/" + contracts.collection().address().checksummed() + "/" + token);
    assertThat(page.locator("main h1")).hasText("Pocket Lot");
    Browsers.screenshot(page, "phone-nft");
    phone.close();
  }

  private Page signUp(BrowserContext person) {
    Page page = browsers.open(person, "#/signup");
    page.getByLabel("Email").fill("web-" + UUID.randomUUID() + "@example.com");
    page.getByLabel("Password").fill("correct horse battery staple");
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign up")).click();
    assertThat(page.getByTestId("my-address")).hasText(Pattern.compile("0x[0-9a-fA-F]{40}"));
    return page;
  }

  private Page logIn(BrowserContext person, Api.Session user) {
    Page page = browsers.open(person, "#/login");
    page.getByLabel("Email").fill(user.email());
    page.getByLabel("Password").fill(user.password());
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
    assertThat(page.getByTestId("my-address")).hasText(Pattern.compile(user.walletAddress(), Pattern.CASE_INSENSITIVE));
    return page;
  }

  private BigInteger mintArt(Api.Session user, String metadata, int seed) {
    Api.Response accepted = api.mint(user.accessToken(), ArtImages.png(seed), metadata, null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    String tx = accepted.text("transactionId");
    await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/transactions/" + tx, user.accessToken()).json().path("tokenIds").size() == 1);
    return new BigInteger(api.get("/api/v1/transactions/" + tx, user.accessToken()).json().get("tokenIds").get(0).asString());
  }

  private String graphqlErrors(String query) {
    Api.Response response = api.postJson("/graphql", Map.of("query", query), null);
    assertThat(response.status()).isEqualTo(200);
    return response.json().get("errors").toString();
  }

  private JsonNode graphql(String query, Map<String, Object> variables) {
    Api.Response response = api.postJson("/graphql", Map.of("query", query, "variables", variables), null);
    assertThat(response.status()).isEqualTo(200);
    return response.json().get("data");
  }
}
