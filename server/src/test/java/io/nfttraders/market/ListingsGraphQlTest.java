package io.nfttraders.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListingsGraphQlTest {

  private static final String PAGE = """
      query Page($filter: ListingFilter, $sort: ListingSort, $first: Int, $after: String) {
        listings(filter: $filter, sort: $sort, first: $first, after: $after) {
          edges { cursor node { hash priceWei price currency tokenId nft { owner tokenId listings { hash } history { kind } } } }
          pageInfo { hasNextPage endCursor }
        }
      }""";

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;
  Api.Session seller;
  TradingFixture market;
  // prices no other specification uses, so the page holds only this class's listings
  final List<String> prices = List.of("0.000123", "0.000121", "0.000122");
  final Map<String, String> hashByPrice = new HashMap<>();

  @BeforeAll
  void listThreeNfts() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
    seller = api.newUser();
    for (String price : prices) {
      BigInteger token = market.mint(seller);
      hashByPrice.put(price, market.list(seller, token, price).text("hash"));
    }
    hashByPrice.values().forEach(hash -> market.awaitOrder(hash, true));
    // a collection's page is read from memory, which learns of a commit a moment after it
    Map<String, Object> filter = Map.of("collection", market.collection(), "minPriceWei", "121000000000000", "maxPriceWei", "123000000000000");
    await().atMost(Duration.ofSeconds(5)).until(() -> listings(Map.of("filter", filter, "first", 3)).get("edges").size() == 3);
  }

  @Test
  void pagesThroughListingsOfACollectionInAPriceRangeCheapestFirst() {
    Map<String, Object> filter = Map.of("collection", market.collection(), "minPriceWei", "121000000000000", "maxPriceWei", "123000000000000",
        "currency", "ETH");
    JsonNode first = listings(Map.of("filter", filter, "sort", "PRICE_ASC", "first", 2));
    assertThat(first.get("edges").valueStream().map(e -> e.get("node").get("price").asString()).toList()).containsExactly("0.000121", "0.000122");
    assertThat(first.get("pageInfo").get("hasNextPage").asBoolean()).isTrue();
    JsonNode node = first.get("edges").get(0).get("node");
    assertThat(node.get("hash").asString()).isEqualTo(hashByPrice.get("0.000121"));
    assertThat(node.get("nft").get("owner").asString()).isEqualTo(seller.walletAddress());
    assertThat(node.get("nft").get("listings").get(0).get("hash").asString()).isEqualTo(node.get("hash").asString());
    assertThat(node.get("nft").get("history").valueStream().map(h -> h.get("kind").asString()).toList()).contains("LISTED", "MINT");

    JsonNode second = listings(Map.of("filter", filter, "sort", "PRICE_ASC", "first", 2, "after", first.get("pageInfo").get("endCursor").asString()));
    assertThat(second.get("edges").valueStream().map(e -> e.get("node").get("price").asString()).toList()).containsExactly("0.000123");
    assertThat(second.get("pageInfo").get("hasNextPage").asBoolean()).isFalse();

    JsonNode descending = listings(Map.of("filter", filter, "sort", "PRICE_DESC", "first", 3));
    assertThat(descending.get("edges").valueStream().map(e -> e.get("node").get("price").asString()).toList())
        .containsExactly("0.000123", "0.000122", "0.000121");
  }

  @Test
  void collectionStatsAndTheNftQueryAgreeWithTheBook() {
    JsonNode data = graphql("""
        query($c: String!) { collection(address: $c) { address stats { floorPriceWei listed items owners salesCount volumeWei } } }""",
        Map.of("c", market.collection())).get("data");
    JsonNode stats = data.get("collection").get("stats");
    assertThat(new BigInteger(stats.get("floorPriceWei").asString())).isLessThanOrEqualTo(new BigInteger("121000000000000"));
    assertThat(stats.get("listed").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(stats.get("items").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(stats.get("owners").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aCollectionsItemsAreEveryTokenListedOrNotNewestFirstEachOnce() {
    BigInteger unlisted = market.mint(seller);
    String items = """
        query($c: String!, $after: String) { collection(address: $c) { stats { items }
          items(first: 7, after: $after) { edges { cursor node { tokenId owner listings { hash } } } pageInfo { hasNextPage endCursor } } } }""";
    List<JsonNode> seen = new java.util.ArrayList<>();
    String after = null;
    int counted = -1;
    for (int page = 0; page < 1_000; page++) {
      Map<String, Object> variables = new HashMap<>(Map.of("c", market.collection()));
      variables.put("after", after);
      JsonNode collection = graphql(items, variables).get("data").get("collection");
      counted = counted < 0 ? collection.get("stats").get("items").asInt() : counted;
      JsonNode connection = collection.get("items");
      assertThat(connection.get("edges").size()).isBetween(connection.get("pageInfo").get("hasNextPage").asBoolean() ? 7 : 0, 7);
      connection.get("edges").forEach(e -> {
        assertThat(e.get("cursor").asString()).isEqualTo(e.get("node").get("tokenId").asString());
        seen.add(e.get("node"));
      });
      if (!connection.get("pageInfo").get("hasNextPage").asBoolean()) {
        break;
      }
      after = connection.get("pageInfo").get("endCursor").asString();
    }
    List<BigInteger> ids = seen.stream().map(n -> new BigInteger(n.get("tokenId").asString())).toList();
    assertThat(ids).as("highest token id first, each once").isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
    assertThat(ids.size()).isEqualTo(counted);
    assertThat(ids.getFirst()).as("the newest").isEqualTo(unlisted);
    JsonNode mine = seen.get(ids.indexOf(unlisted));
    assertThat(mine.get("owner").asString()).isEqualTo(seller.walletAddress());
    assertThat(mine.get("listings").size()).isZero();
    long listed = seen.stream().filter(n -> n.get("listings").valueStream().anyMatch(l -> hashByPrice.containsValue(l.get("hash").asString()))).count();
    assertThat(listed).as("the three listed in set-up").isEqualTo(3);

    JsonNode badCursor = graphql(items, Map.of("c", market.collection(), "after", "x1"));
    assertThat(badCursor.get("errors").get(0).get("message").asString()).contains("after");
    assertThat(badCursor.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");
  }

  @Test
  void mistakesComeBackAsGraphQlErrorsWithClearMessages() {
    JsonNode badCursor = graphql(PAGE, Map.of("after", "not-a-cursor"));
    assertThat(badCursor.get("errors").get(0).get("message").asString()).contains("cursor");
    assertThat(badCursor.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");

    String priceCursor = listings(Map.of("sort", "PRICE_ASC", "first", 1)).get("pageInfo").get("endCursor").asString();
    JsonNode otherSort = graphql(PAGE, Map.of("sort", "RECENT", "after", priceCursor));
    assertThat(otherSort.get("errors").get(0).get("message").asString()).contains("another sort order");
    assertThat(otherSort.get("errors").get(0).get("extensions").get("classification").asString()).isEqualTo("BAD_REQUEST");

    JsonNode badAddress = graphql(PAGE, Map.of("filter", Map.of("collection", "0x123")));
    assertThat(badAddress.get("errors").get(0).get("message").asString()).contains("collection");

    JsonNode tooLarge = graphql(PAGE, Map.of("first", 1000));
    assertThat(tooLarge.get("errors").get(0).get("message").asString()).contains("first must be between 1 and 100");

    String deep = "{ listings { edges { node { nft { listings { nft { listings { nft { listings { nft { tokenId } } } } } } } } } } }";
    JsonNode tooDeep = graphql(deep, Map.of());
    assertThat(tooDeep.get("errors").get(0).get("message").asString()).containsIgnoringCase("depth");
  }

  @Test
  void listingsCarryTheNameAndAttributesTheTokenWasMintedWithAndFilterByThem() {
    BigInteger token = market.mint(seller, """
        {"name": "Blue Lot", "attributes": [{"trait_type": "Background", "value": "Blue"}, {"trait_type": "Level", "value": 3}]}""");
    String hash = market.list(seller, token, "0.000125").text("hash");
    market.awaitOrder(hash, true);
    Map<String, Object> range = Map.of("collection", market.collection(), "minPriceWei", "125000000000000", "maxPriceWei", "125000000000000");
    Map<String, Object> blue = new HashMap<>(range);
    blue.put("traits", List.of(Map.of("traitType", "Background", "value", "Blue"), Map.of("traitType", "Level", "value", "3")));
    await().atMost(Duration.ofSeconds(5)).until(() -> listings(Map.of("filter", blue)).get("edges").size() == 1);
    JsonNode node = listings(Map.of("filter", blue)).get("edges").get(0).get("node");
    assertThat(node.get("hash").asString()).isEqualTo(hash);
    Map<String, Object> red = new HashMap<>(range);
    red.put("traits", List.of(Map.of("traitType", "Background", "value", "Red")));
    assertThat(listings(Map.of("filter", red)).get("edges").size()).isZero();
    assertThat(graphql("query($f: ListingFilter) { listings(filter: $f) { edges { node { name } } } }", Map.of("f", blue))
        .get("data").get("listings").get("edges").get(0).get("node").get("name").asString()).isEqualTo("Blue Lot");

    // the search box: any case, wildcards in the text are plain characters
    assertThat(listings(Map.of("filter", Map.of("collection", market.collection(), "search", "bLUE l"))).get("edges").valueStream()
        .map(e -> e.get("node").get("hash").asString()).toList()).containsExactly(hash);
    assertThat(listings(Map.of("filter", Map.of("collection", market.collection(), "search", "Blue%Lot"))).get("edges").size()).isZero();
    assertThat(graphql(PAGE, Map.of("filter", Map.of("search", " "))).get("errors").get(0).get("message").asString()).contains("search must be");
    // fewer than 3 characters have no trigram for the name index: refused rather than read every listing
    assertThat(graphql(PAGE, Map.of("filter", Map.of("search", " ab "))).get("errors").get(0).get("message").asString())
        .contains("search must be 3 to 100 characters");
    assertThat(graphql(PAGE, Map.of("filter", Map.of("search", "x".repeat(101)))).get("errors").get(0).get("extensions").get("classification")
        .asString()).isEqualTo("BAD_REQUEST");
    assertThat(listings(Map.of("filter", Map.of("collection", market.collection(), "search", "lue"))).get("edges").size()).as("3 are enough")
        .isPositive();

    JsonNode metadata = graphql("query($c: String!, $t: String!) { nft(collection: $c, tokenId: $t) { metadata { name image attributes { traitType value } } } }",
        Map.of("c", market.collection(), "t", token.toString())).get("data").get("nft").get("metadata");
    assertThat(metadata.get("name").asString()).isEqualTo("Blue Lot");
    assertThat(metadata.get("image").asString()).startsWith("/ipfs/b");
    assertThat(metadata.get("attributes").valueStream().map(a -> a.get("traitType").asString() + "=" + a.get("value").asString()).toList())
        .containsExactly("Background=Blue", "Level=3");
  }

  @Test
  void aSelectedFieldThatIsNullIsInTheAnswerAsNull() {
    JsonNode empty = listings(Map.of("filter", Map.of("collection", market.collection(), "minPriceWei", "1", "maxPriceWei", "2")));
    assertThat(empty.get("edges").size()).isZero();
    assertThat(empty.get("pageInfo").has("endCursor")).as(empty.toString()).isTrue();
    assertThat(empty.get("pageInfo").get("endCursor").isNull()).isTrue();
  }

  @Test
  void aQueryOfMoreThanAThousandFieldsIsRefusedBeforeItRuns() {
    StringBuilder query = new StringBuilder("{");
    for (int i = 0; i < 260; i++) {
      query.append(" a").append(i).append(": listings(first: 1) { edges { cursor node { hash } } }");
    }
    JsonNode answer = graphql(query.append(" }").toString(), Map.of());
    assertThat(answer.get("errors").get(0).get("message").asString()).contains("complexity");
    assertThat(answer.path("data").isMissingNode() || answer.path("data").isNull()).as(answer.toString()).isTrue();
  }

  private JsonNode listings(Map<String, Object> variables) {
    JsonNode answer = graphql(PAGE, variables);
    assertThat(answer.get("errors")).as(answer.toString()).isNull();
    return answer.get("data").get("listings");
  }

  private JsonNode graphql(String query, Map<String, Object> variables) {
    Api.Response response = api.postJson("/graphql", Map.of("query", query, "variables", variables), null);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json();
  }
}
