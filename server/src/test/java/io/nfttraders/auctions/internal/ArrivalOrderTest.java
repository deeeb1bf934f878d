package io.nfttraders.auctions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@MarketplaceTest
class ArrivalOrderTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired AuctionRegistry registry;

  @Test
  void bidsHandedOverOutOfArrivalOrderAreDecidedInArrivalOrder() {
    Api api = new Api(port);
    TradingFixture market = new TradingFixture(api, chain, contracts);
    Api.Session seller = api.newUser();
    List<Api.Session> bidders = List.of(api.newUser(), api.newUser(), api.newUser());
    market.awaitFunded(bidders);
    bidders.forEach(b -> market.wrap(b, "1"));
    String id = api.postJson("/api/v1/auctions", Map.of("collection", market.collection(), "tokenId", market.mint(seller).toString(),
        "startPriceWei", "1", "minIncrementBps", 0), seller.accessToken()).text("id");
    LiveAuction auction = registry.find(UUID.fromString(id)).orElseThrow();

    // the highest bid arrived last but reaches the auction first, the lowest arrived first and comes last;
    // stamped a second ahead, so no decision is due before all three are handed over, even across a pause of the JVM
    long t0 = System.nanoTime() + 1_000_000_000L;
    CompletableFuture<LiveAuction.Outcome> third = auction.submit(address(bidders.get(2)), bidders.get(2).userId(), BigInteger.valueOf(30), t0 + 200_000);
    CompletableFuture<LiveAuction.Outcome> second = auction.submit(address(bidders.get(1)), bidders.get(1).userId(), BigInteger.valueOf(20), t0 + 100_000);
    CompletableFuture<LiveAuction.Outcome> first = auction.submit(address(bidders.get(0)), bidders.get(0).userId(), BigInteger.valueOf(10), t0);

    assertThat(List.of(first.join(), second.join(), third.join())).allSatisfy(o -> assertThat(o.decision()).isInstanceOf(BidRules.Accepted.class));
    assertThat(first.join().seqBefore()).isZero();
    assertThat(second.join().seqBefore()).isEqualTo(1);
    assertThat(third.join().seqBefore()).isEqualTo(2);
    third.join().durable().join();
    assertThat(auction.state().leadingBid()).isEqualTo(BigInteger.valueOf(30));
  }

  private static String address(Api.Session user) {
    return user.walletAddress().toLowerCase();
  }
}
