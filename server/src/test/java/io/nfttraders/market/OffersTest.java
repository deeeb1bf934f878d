package io.nfttraders.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.ethereum.Address;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@MarketplaceTest
class OffersTest {

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired CustodialWallets wallets;
  Api api;
  TradingFixture market;

  @BeforeEach
  void setUp() {
    api = new Api(port);
    market = new TradingFixture(api, chain, contracts);
  }

  @Test
  void anOfferPaidInWethIsAcceptedAndAnOfferWhoseMakerSpentTheWethGoesInactive() {
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    BigInteger first = market.mint(seller);
    BigInteger second = market.mint(seller);
    market.awaitFunded(java.util.List.of(bidder));
    Api.Response wrapped = api.postJson("/api/v1/wallet/wrap", Map.of("amount", "1"), bidder.accessToken());
    assertThat(wrapped.status()).as(wrapped.body()).isEqualTo(202);
    market.awaitTransaction(bidder, wrapped.text("transactionId"), "CONFIRMED");
    assertThat(api.get("/api/v1/wallet", bidder.accessToken()).text("wethWei")).isEqualTo("1000000000000000000");

    Api.Response offered = offer(bidder, first, "0.3");
    assertThat(offered.status()).as(offered.body()).isEqualTo(201);
    assertThat(offered.text("currency")).isEqualTo("WETH");
    String offerHash = offered.text("hash");
    market.awaitOrder(offerHash, true);

    Api.Response accepted = api.post("/api/v1/offers/" + offerHash + "/accept", "", seller.accessToken());
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    market.awaitTrade(seller, accepted.text("id"), "SETTLED");
    long block = market.awaitTransaction(seller, accepted.text("transactionId"), "CONFIRMED").get("blockNumber").asLong();
    BigInteger price = TradingFixture.wei("0.3");
    BigInteger fee = price.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
    assertThat(wethDelta(bidder.walletAddress(), block)).isEqualTo(price.negate());
    // the seller is the token's creator: the royalty is theirs as well
    assertThat(wethDelta(seller.walletAddress(), block)).isEqualTo(price.subtract(fee));
    assertThat(wethDelta(wallets.platformWallet().address().checksummed(), block)).isZero();
    assertThat(wethDelta(TradingFixture.FEE_RECIPIENT, block)).isEqualTo(fee);
    assertThat(CollectionAbi.ownerOf(chain, market.collection(), first)).isEqualToIgnoringCase(bidder.walletAddress());

    // the bidder keeps 0.7 WETH; an offer of 0.5 is covered until the WETH leaves the wallet
    String secondOffer = offer(bidder, second, "0.5").text("hash");
    market.awaitOrder(secondOffer, true);
    Api.Response withdrawn = api.postJson("/api/v1/wallet/withdrawals",
        Map.of("asset", "WETH", "to", "0x00000000000000000000000000000000000b0b02", "amount", "0.7"), bidder.accessToken());
    assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(202);
    JsonNode inactive = market.awaitOrder(secondOffer, false);
    assertThat(inactive.get("inactiveReason").asString()).isEqualTo("INSUFFICIENT_WETH");
    Api.Response refused = api.post("/api/v1/offers/" + secondOffer + "/accept", "", seller.accessToken());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("reason").asString()).isEqualTo("INSUFFICIENT_WETH");
  }

  @Test
  void anOfferBeyondTheMakersWethIsRefusedAndNothingIsStored() {
    Api.Session seller = api.newUser();
    Api.Session bidder = api.newUser();
    BigInteger token = market.mint(seller);
    Api.Response refused = offer(bidder, token, "5");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("type")).endsWith("/insufficient-funds");
    assertThat(api.get("/api/v1/user/orders", bidder.accessToken()).json().size()).isZero();
  }

  @Test
  void withdrawalsCheckTheAddressAndMoveEthOnChain() {
    Api.Session user = api.newUser();
    market.awaitFunded(java.util.List.of(user));
    String typo = "0x00000000000000000000000000000000000B0b03"; // mixed case with a wrong EIP-55 checksum
    Api.Response bad = api.postJson("/api/v1/wallet/withdrawals", Map.of("asset", "ETH", "to", typo, "amount", "0.1"), user.accessToken());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.text("type")).endsWith("/invalid-address");

    String to = "0x00000000000000000000000000000000000b0b03";
    Api.Response sent = api.postJson("/api/v1/wallet/withdrawals", Map.of("asset", "ETH", "to", to, "amount", "0.1"), user.accessToken());
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    market.awaitTransaction(user, sent.text("transactionId"), "CONFIRMED");
    assertThat(chain.balance(Address.of(to))).isEqualTo(TradingFixture.wei("0.1"));
  }

  private Api.Response offer(Api.Session bidder, BigInteger tokenId, String price) {
    return api.postJson("/api/v1/offers", Map.of("collection", market.collection(), "tokenId", tokenId.toString(), "price", price),
        bidder.accessToken());
  }

  private BigInteger wethDelta(String address, long block) {
    return market.wethAt(address, block).subtract(market.wethAt(address, block - 1));
  }
}
