package io.nfttraders.auctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.ChainEndpoint;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.ServerProcess;
import io.nfttraders.support.TestImages;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.utils.Numeric;
import tools.jackson.databind.JsonNode;

/**
 * SIGKILL the database and then the server while bids pour into one auction, as a power cut would
 * take both; after a restart on the same data directory every bid that was answered as accepted is
 * in the auction's log with its sequence number, the log is gap-free and strictly rising, the
 * auction's state is the log's, and the auction ends and settles exactly once on-chain.
 */
class AuctionCrashRecoveryIT {

  @TempDir Path data;

  @Test
  void everyAcceptedBidSurvivesSigkillOfDatabaseAndServerAndTheAuctionEndsAndSettlesOnce() throws Exception {
    Map<Long, JsonNode> answered = new ConcurrentHashMap<>();
    Api.Session seller;
    List<Api.Session> bidders = new ArrayList<>();
    String auction;
    BigInteger token;
    try (ServerProcess first = ServerProcess.start(data)) {
      Api api = first.api();
      seller = api.newUser();
      for (int i = 0; i < 4; i++) {
        bidders.add(api.newUser());
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> bidders.stream()
          .allMatch(b -> new BigInteger(api.get("/api/v1/wallet", b.accessToken()).text("ethWei")).signum() > 0));
      for (Api.Session bidder : bidders) {
        awaitConfirmed(api, bidder, api.postJson("/api/v1/wallet/wrap", Map.of("amount", "0.5"), bidder.accessToken()).text("transactionId"));
      }
      awaitConfirmed(api, seller, api.mint(seller.accessToken(), TestImages.png(), "{\"name\":\"Crash lot\"}", null).text("transactionId"));
      await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/v1/user/nfts", seller.accessToken()).json().size() == 1);
      token = new BigInteger(api.get("/api/v1/user/nfts", seller.accessToken()).json().get(0).get("tokenId").asString());
      String collection = api.get("/api/v1/chains", null).json().get(0).get("contracts").get("Collection").asString();
      // ends after the restart below; bids are 1 wei apart at least
      Api.Response created = api.postJson("/api/v1/auctions", Map.of("collection", collection, "tokenId", token.toString(), "type", "ENGLISH",
          "startPriceWei", "1", "minIncrementBps", 0, "duration", "PT50S", "extensionWindow", "PT0S"), seller.accessToken());
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      auction = created.text("id");

      AtomicLong amounts = new AtomicLong(1_000);
      ExecutorService clients = Executors.newFixedThreadPool(bidders.size());
      for (Api.Session bidder : bidders) {
        clients.submit(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            try {
              Api.Response r = api.postJson("/api/v1/nfts/bid", Map.of("auctionId", auction, "amountWei", String.valueOf(amounts.incrementAndGet())),
                  bidder.accessToken());
              if (r.status() == 200) {
                JsonNode event = r.json().get("event");
                answered.put(event.get("seq").asLong(), event);
              }
            } catch (RuntimeException connectionLost) {
              return;
            }
          }
        });
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> answered.size() >= 200);
      // the database first: a commit it acknowledged but had not flushed would be lost here
      first.killDatabase();
      first.kill();
      clients.shutdownNow();
      clients.awaitTermination(30, TimeUnit.SECONDS);
    }

    try (ServerProcess second = ServerProcess.start(data)) {
      Api api = second.api();
      List<JsonNode> log = api.get("/api/v1/auctions/" + auction + "/events?limit=1000", null).json().valueStream().toList();
      long lastBid = log.stream().filter(e -> e.get("kind").asString().equals("BID")).count();
      assertThat(lastBid).isGreaterThanOrEqualTo(answered.size());
      for (int i = 0; i < lastBid; i++) {
        assertThat(log.get(i).get("seq").asLong()).isEqualTo(i + 1);
        if (i > 0) {
          assertThat(new BigInteger(log.get(i).get("amountWei").asString())).isGreaterThan(new BigInteger(log.get(i - 1).get("amountWei").asString()));
        }
      }
      answered.forEach((seq, event) -> {
        JsonNode stored = log.get((int) (seq - 1));
        assertThat(stored.get("amountWei").asString()).as("event %d", seq).isEqualTo(event.get("amountWei").asString());
        assertThat(stored.get("bidder").asString()).as("event %d", seq).isEqualTo(event.get("bidder").asString());
      });
      JsonNode lastEvent = log.get((int) lastBid - 1);
      // the state is the log's: read first, its event is in the log read after it (the end may have come meanwhile)
      JsonNode state = api.get("/api/v1/auctions/" + auction, null).json();
      List<JsonNode> logAfter = api.get("/api/v1/auctions/" + auction + "/events?limit=1000", null).json().valueStream().toList();
      long seq = state.get("seq").asLong();
      assertThat(seq).isBetween(lastBid, (long) logAfter.size());
      assertThat(logAfter.get((int) seq - 1).get("seq").asLong()).isEqualTo(seq);
      assertThat(logAfter.get((int) seq - 1).get("phase").asString()).isEqualTo(state.get("phase").asString());
      assertThat(state.get("leadingBidWei").asString()).isEqualTo(lastEvent.get("amountWei").asString());
      assertThat(state.get("leader").asString()).isEqualTo(lastEvent.get("bidder").asString());

      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .until(() -> api.get("/api/v1/auctions/" + auction, null).text("phase").equals("SETTLED"));
      List<String> kinds = api.get("/api/v1/auctions/" + auction + "/events?after=" + lastBid, null).json().valueStream()
          .map(e -> e.get("kind").asString()).toList();
      assertThat(kinds).containsExactly("ENDED", "SETTLED");

      String winner = lastEvent.get("bidder").asString();
      BigInteger price = new BigInteger(lastEvent.get("amountWei").asString());
      JsonNode chainInfo = api.get("/api/v1/chains", null).json().get(0);
      try (ChainClient chain = new ChainClient(new ChainEndpoint(31337, URI.create(chainInfo.get("rpcUrl").asString()), true), Duration.ofSeconds(10))) {
        assertThat(CollectionAbi.ownerOf(chain, chainInfo.get("contracts").get("Collection").asString(), token)).isEqualToIgnoringCase(winner);
        // once: the winner paid the winning bid and nothing more
        String balanceOf = FunctionEncoder.encode(new Function("balanceOf", List.of(new Address(winner)), List.of()));
        BigInteger weth = Numeric.toBigInt(chain.call(io.nfttraders.ethereum.Address.of(chainInfo.get("contracts").get("WETH").asString()), Numeric.hexStringToByteArray(balanceOf)));
        assertThat(weth).isEqualTo(new BigInteger("500000000000000000").subtract(price));
      }
    }
  }

  private static void awaitConfirmed(Api api, Api.Session user, String transactionId) {
    await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(api.get("/api/v1/transactions/" + transactionId, user.accessToken()).text("status")));
  }
}
