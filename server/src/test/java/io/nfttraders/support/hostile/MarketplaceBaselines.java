package io.nfttraders.support.hostile;

import static org.awaitility.Awaitility.await;

import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.Multipart;
import io.nfttraders.support.SelfCustodySessions;
import io.nfttraders.support.TestImages;
import io.nfttraders.support.hostile.Baseline.Part;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A small marketplace to aim the hostile variants at, so that they reach the code behind the first
 * checks: Alice (the signed-in caller) owns three minted tokens, one listed with an offer from Bob
 * on it, one up for auction, one free; she has a webhook and a second login. Each operation gets a
 * realistic request naming these.
 */
public final class MarketplaceBaselines {

  private static final Duration CHAIN = Duration.ofSeconds(90);

  public final Api.Session alice;
  private final Map<String, Baseline> byOperation = new HashMap<>();
  private final Map<String, Object> graphQlArguments = new HashMap<>();

  public MarketplaceBaselines(Api api, TradingFixture market, int port, long chainId) {
    alice = api.newUser();
    Api.Session bob = api.newUser();
    Api.Session carol = api.newUser();
    Api.Session aliceAgain = login(api, alice);
    String collection = market.collection();

    Api.Response drop = api.upload("/api/v1/nfts/batch", alice.accessToken(), new Multipart().file("images", "a.png", "image/png", TestImages.png())
        .file("images", "b.png", "image/png", TestImages.png()).file("images", "c.png", "image/png", TestImages.png())
        .json("metadata", "[{\"name\":\"Listed\",\"attributes\":[{\"trait_type\":\"Level\",\"value\":5}]},{\"name\":\"Auctioned\"},"
            + "{\"name\":\"Free\"}]"), null);
    require(drop, 202);
    BigInteger bobs = market.mint(bob);
    String mintTransaction = drop.text("transactionId");
    market.awaitTransaction(alice, mintTransaction, "CONFIRMED");
    await().atMost(CHAIN).until(() -> api.get("/api/v1/user/nfts?limit=200", alice.accessToken()).json().size() == 3);
    List<BigInteger> tokens = api.get("/api/v1/user/nfts?limit=200", alice.accessToken()).json().valueStream()
        .map(n -> new BigInteger(n.get("tokenId").asString())).sorted().toList();
    BigInteger listed = tokens.get(0);
    BigInteger auctioned = tokens.get(1);
    BigInteger free = tokens.get(2);

    String listing = require(api.postJson("/api/v1/listings", Map.of("collection", collection, "tokenId", listed.toString(), "price", "0.01"),
        alice.accessToken()), 201).text("hash");
    market.withWeth("0.01", bob);
    String offer = require(api.postJson("/api/v1/offers", Map.of("collection", collection, "tokenId", listed.toString(), "price", "0.001"),
        bob.accessToken()), 201).text("hash");
    String auction = require(api.postJson("/api/v1/auctions", Map.of("collection", collection, "tokenId", auctioned.toString(), "startPrice", "0.01"),
        alice.accessToken()), 201).text("id");
    String webhook = require(api.postJson("/api/v1/user/webhooks", Map.of("url", "http://127.0.0.1:9/hook"), alice.accessToken()), 201).text("id");
    JsonNode nft = api.get("/api/v1/nfts/" + chainId + "/" + collection + "/" + listed, null).json();
    String imageCid = nft.get("imageUrl").asString().substring("/ipfs/".length());
    String directory = nft.get("tokenUri").asString().substring("ipfs://".length()).replaceAll("/\\d+$", "");

    String in7Days = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    String metadata = "{\"name\":\"Hostile\",\"description\":\"a description\",\"external_url\":\"https://example.com/x\",\"background_color\":\"00ff00\","
        + "\"attributes\":[{\"trait_type\":\"Level\",\"value\":5,\"display_type\":\"number\",\"max_value\":10}]}";
    Map<String, Object> newListing = ordered("collection", collection, "tokenId", free.toString(), "price", "0.01", "currency", "ETH", "endTime", in7Days);
    Map<String, Object> newOffer = ordered("collection", collection, "tokenId", bobs.toString(), "price", "0.001", "currency", "WETH", "endTime", in7Days);

    // new emails in every request: an account made by an accepted variant leaves the next one as
    // deep, and failed logins of one email are throttled before the password is checked
    json("signUp", ordered("email", "hostile-" + HostileRequest.UNIQUE + "@example.com", "password", "a long passphrase"));
    json("login", ordered("email", "nobody-" + HostileRequest.UNIQUE + "@example.com", "password", "a long passphrase"));
    json("refresh", ordered("refreshToken", carol.refreshToken()));
    json("signInWithEthereum", siwe(api, port, chainId));
    json("logout", ordered("refreshToken", aliceAgain.refreshToken()));
    put("mint", Baseline.none().withParts(List.of(image("image"), Part.json("metadata", metadata))));
    put("mintBatch", Baseline.none().withParts(List.of(image("images"), Part.json("metadata", "[" + metadata + "]"))));
    put("nft", Baseline.none().withPath("chainId", Long.toString(chainId)).withPath("contract", collection).withPath("tokenId", listed.toString()));
    put("transaction", Baseline.none().withPath("id", mintTransaction));
    json("createListing", newListing);
    json("makeOffer", newOffer);
    json("listingTypedData", with(newListing, "maker", alice.walletAddress()));
    json("offerTypedData", with(newOffer, "maker", alice.walletAddress()));
    put("acceptOffer", Baseline.none().withPath("hash", offer));
    json("buy", ordered("orderHash", listing));
    put("trade", Baseline.none().withPath("id", UUID.randomUUID().toString()));
    put("order", Baseline.none().withPath("hash", listing));
    put("cancelOrder", Baseline.none().withPath("hash", listing).withQuery(ordered("onChain", "false")));
    json("withdraw", ordered("asset", "ETH", "to", "0x000000000000000000000000000000000000dEaD", "amountWei", "1"));
    json("wrapEth", ordered("amountWei", "1"));
    json("unwrapWeth", ordered("amountWei", "1"));
    json("createAuction", ordered("collection", collection, "tokenId", free.toString(), "type", "ENGLISH", "startPrice", "0.01", "buyNowPrice", "1",
        "startsAt", Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString(), "duration", "PT1H", "minIncrementBps", 500,
        "extensionWindow", "PT5M"));
    for (String id : List.of("auction", "cancelAuction")) {
      put(id, Baseline.none().withPath("id", auction));
    }
    put("auctionEvents", Baseline.none().withPath("id", auction).withQuery(ordered("after", "0", "limit", "10")));
    json("bid", ordered("auctionId", auction, "amountWei", "10000000000000000"));
    put("bidTypedData", Baseline.none().withPath("id", auction)
        .withQuery(ordered("bidder", bob.walletAddress(), "amountWei", "10000000000000000", "endTime", in7Days)));
    json("markNotificationsRead", ordered("upToId", 1));
    json("registerWebhook", ordered("url", "http://127.0.0.1:9/other-hook"));
    put("deleteWebhook", Baseline.none().withPath("id", webhook));
    for (String id : List.of("holdAuction", "releaseAuction")) {
      put(id, Baseline.none().withPath("id", auction).withJson(ordered("reason", "a fraud check")));
    }
    for (String id : List.of("myNfts", "myTransactions", "myOrders")) {
      put(id, Baseline.none().withQuery(ordered("limit", "10")));
    }
    put("notifications", Baseline.none().withQuery(ordered("limit", "10", "before", "1000", "unread", "false")));
    put("qrCode", Baseline.none().withQuery(ordered("text", "hello")));
    for (String id : List.of("getContent", "headContent")) {
      put(id, Baseline.none().withPath("cid", imageCid));
    }
    for (String id : List.of("getContentAtPath", "headContentAtPath")) {
      put(id, Baseline.none().withPath("cid", directory).withPath("*path", "0"));
    }

    graphQlArguments.putAll(Map.of("listings.filter", ordered("collection", collection, "minPriceWei", "1", "maxPriceWei", "1000000000000000000",
        "currency", "ETH", "traits", List.of(ordered("traitType", "Level", "value", "5")), "search", "Listed"), "listings.sort", "PRICE_ASC",
        "listings.first", 10, "nft.collection", collection, "nft.tokenId", listed.toString(), "auction.id", auction, "openAuctions.first", 10,
        "openAuctions.collection", collection, "openAuctions.tokenId", auctioned.toString()));
    graphQlArguments.putAll(Map.of("collection.address", collection, "user.address", alice.walletAddress(), "items.first", 10,
        "activity.first", 10, "nfts.first", 10));
  }

  /** Realistic GraphQL arguments, by "field.argument". */
  public Map<String, Object> graphQlArguments() {
    return graphQlArguments;
  }

  /** The operation's realistic request; one without inputs if none was made for it. */
  public Baseline of(ApiOperation operation) {
    return byOperation.getOrDefault(operation.id(), Baseline.none());
  }

  /** A Sign-In with Ethereum by a fresh key, signed as a wallet signs it. */
  private static Map<String, Object> siwe(Api api, int port, long chainId) {
    Map<String, String> body = SelfCustodySessions.signedMessage(api, port, chainId, SelfCustodySessions.newKey());
    return ordered("message", body.get("message"), "signature", body.get("signature"));
  }

  private static Api.Session login(Api api, Api.Session user) {
    Api.Response login = require(api.postJson("/api/v1/auth/login", Map.of("email", user.email(), "password", user.password()), null), 200);
    return new Api.Session(user.userId(), user.email(), user.password(), user.walletAddress(), login.text("accessToken"), login.text("refreshToken"));
  }

  private static Part image(String name) {
    return new Part(name, name + ".png", "image/png", TestImages.png());
  }

  private void json(String operation, Map<String, Object> body) {
    put(operation, Baseline.none().withJson(body));
  }

  private void put(String operation, Baseline baseline) {
    byOperation.put(operation, baseline);
  }

  private static Map<String, Object> with(Map<String, Object> map, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(key, value);
    return copy;
  }

  private static <T> Map<String, T> ordered(Object... keysAndValues) {
    Map<String, T> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      @SuppressWarnings("unchecked")
      T value = (T) keysAndValues[i + 1];
      map.put((String) keysAndValues[i], value);
    }
    return map;
  }

  private static Api.Response require(Api.Response response, int status) {
    if (response.status() != status) {
      throw new IllegalStateException("setting up the marketplace failed: " + response);
    }
    return response;
  }
}
