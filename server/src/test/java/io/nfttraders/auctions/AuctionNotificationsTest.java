package io.nfttraders.auctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.GraphQlWsClient;
import io.nfttraders.support.MarketplaceTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class AuctionNotificationsTest {

  record Received(String signature, String notificationId, String body) {}

  @LocalServerPort int port;
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
  void outbidWonSoldAndSettledAreStoredForEachPartyAndPostedToWebhooksSignedAndRetried() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      // the first delivery fails: it must come again
      int status = calls.getAndIncrement() == 0 ? 500 : 204;
      if (status == 204) {
        received.add(new Received(exchange.getRequestHeaders().getFirst("X-NFT-Signature"),
            exchange.getRequestHeaders().getFirst("X-NFT-Notification-Id"), body));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    receiver.start();
    try {
      Api.Session seller = api.newUser();
      Api.Session alice = api.newUser();
      Api.Session bob = api.newUser();
      Api.Response hook = api.postJson("/api/v1/user/webhooks", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook"),
          alice.accessToken());
      assertThat(hook.status()).as(hook.body()).isEqualTo(201);
      String secret = hook.text("secret");
      assertThat(api.get("/api/v1/user/webhooks", alice.accessToken()).json().get(0).has("secret")).as("the secret is shown once").isFalse();

      market.withWeth("1", alice, bob);
      String auction = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
          "type", "ENGLISH", "startPrice", "0.1", "duration", "PT4S", "extensionWindow", "PT0S"), seller.accessToken()).text("id");
      assertThat(bid(alice, auction, "0.1")).isEqualTo(200);
      assertThat(bid(bob, auction, "0.2")).isEqualTo(200);

      JsonNode outbid = api.get("/api/v1/user/notifications", alice.accessToken()).json().get(0);
      assertThat(outbid.get("kind").asString()).isEqualTo("OUTBID");
      assertThat(outbid.get("seq").asLong()).isEqualTo(2);
      assertThat(outbid.get("data").get("yourBidWei").asString()).isEqualTo(TradingFixture.wei("0.1").toString());
      assertThat(outbid.get("data").get("leadingBidWei").asString()).isEqualTo(TradingFixture.wei("0.2").toString());
      assertThat(outbid.get("data").get("outbidBy").asString()).isEqualToIgnoringCase(bob.walletAddress());

      await().atMost(Duration.ofSeconds(90)).until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals("SETTLED"));
      assertThat(kinds(bob)).containsExactly("SETTLED", "WON");
      assertThat(kinds(seller)).containsExactly("SETTLED", "SOLD");
      assertThat(kinds(alice)).containsExactly("OUTBID");

      // the webhook: delivered after one failure, signed with the secret over "timestamp.body"
      await().atMost(Duration.ofSeconds(30)).until(() -> !received.isEmpty());
      Received delivery = received.getFirst();
      assertThat(calls.get()).isEqualTo(2);
      String timestamp = delivery.signature().split(",")[0].substring("t=".length());
      String expected = hmac(secret, timestamp + "." + delivery.body());
      assertThat(delivery.signature()).isEqualTo("t=" + timestamp + ",v1=" + expected);
      JsonNode body = Api.JSON.readTree(delivery.body());
      assertThat(body.get("kind").asString()).isEqualTo("OUTBID");
      assertThat(body.get("id").asString()).isEqualTo(delivery.notificationId()).isEqualTo(outbid.get("id").asString());
      assertThat(body.get("data").get("auctionId").asString()).isEqualTo(auction);

      Api.Response read = api.postJson("/api/v1/user/notifications/read", Map.of("upToId", outbid.get("id").asLong()), alice.accessToken());
      assertThat(read.json().get("marked").asInt()).isEqualTo(1);
      assertThat(api.get("/api/v1/user/notifications?unread=true", alice.accessToken()).json().size()).isZero();
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void aSignedInSubscriberIsPushedTheirOwnNotificationsAsTheyHappen() {
    Api.Session seller = api.newUser();
    Api.Session alice = api.newUser();
    Api.Session bob = api.newUser();
    market.withWeth("1", alice, bob);
    String auction = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
        "startPrice", "0.1"), seller.accessToken()).text("id");
    String subscription = "subscription { myNotifications { id kind auctionId seq data } }";

    try (GraphQlWsClient anonymous = GraphQlWsClient.connect(port)) {
      anonymous.subscribe("1", subscription, Map.of());
      JsonNode refused = anonymous.next(Duration.ofSeconds(10));
      assertThat(refused.get("type").asString()).isEqualTo("error");
      assertThat(refused.toString()).contains("access token");
    }
    try (GraphQlWsClient aliceSocket = GraphQlWsClient.connect(port, Map.of("accessToken", alice.accessToken()));
        GraphQlWsClient bobSocket = GraphQlWsClient.connect(port, Map.of("accessToken", bob.accessToken()))) {
      aliceSocket.subscribe("1", subscription, Map.of());
      bobSocket.subscribe("1", subscription, Map.of());
      assertThat(bid(alice, auction, "0.1")).isEqualTo(200);
      assertThat(bid(bob, auction, "0.2")).isEqualTo(200);

      JsonNode pushed = aliceSocket.next(Duration.ofSeconds(10));
      assertThat(pushed.get("type").asString()).as(pushed.toString()).isEqualTo("next");
      JsonNode notification = pushed.get("payload").get("data").get("myNotifications");
      assertThat(notification.get("kind").asString()).isEqualTo("OUTBID");
      assertThat(notification.get("auctionId").asString()).isEqualTo(auction);
      assertThat(Api.JSON.readTree(notification.get("data").asString()).get("yourBidWei").asString()).isEqualTo(TradingFixture.wei("0.1").toString());
      assertThat(bobSocket.poll(Duration.ofMillis(500))).as("bob was not outbid: nothing for him").isNull();
    }
  }

  @Test
  void webhooksInsideOurNetworkOrNotHttpAreRefusedUnlessAllowed() {
    Api.Session user = api.newUser();
    Api.Response bad = api.postJson("/api/v1/user/webhooks", Map.of("url", "ftp://example.com/x"), user.accessToken());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("type")).endsWith("/invalid-webhook");
    assertThat(api.get("/api/v1/user/webhooks", user.accessToken()).json().size()).isZero();
    assertThat(api.send(api.request("/api/v1/user/webhooks/" + java.util.UUID.randomUUID(), user.accessToken()).DELETE()).status()).isEqualTo(404);
  }

  private int bid(Api.Session bidder, String auction, String amount) {
    return api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amount", amount), bidder.accessToken()).status();
  }

  private List<String> kinds(Api.Session user) {
    return api.get("/api/v1/user/notifications", user.accessToken()).json().valueStream().map(n -> n.get("kind").asString()).toList();
  }

  private static String hmac(String secret, String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }
}
