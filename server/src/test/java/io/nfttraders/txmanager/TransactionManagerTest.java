package io.nfttraders.txmanager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.WalletId;
import io.nfttraders.support.Api;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.web3j.utils.Numeric;

@MarketplaceTest
class TransactionManagerTest {

  /** supportsInterface(0x80ac58cd): a call any wallet may send to our contract. */
  private static final byte[] HARMLESS_CALL = Numeric.hexStringToByteArray("0x01ffc9a780ac58cd00000000000000000000000000000000000000000000000000000000");

  @LocalServerPort int port;
  @Autowired TransactionManager manager;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;

  private TransactionIntent harmless(WalletId wallet, Api.Session owner) {
    return new TransactionIntent("TEST", wallet, contracts.collection().address(), BigInteger.ZERO, HARMLESS_CALL, BigInteger.valueOf(60_000),
        Optional.of(owner.userId()), "concurrency test", Optional.empty());
  }

  @Test
  void twoHundredConcurrentTransactionsOfOneWalletAllConfirmWithConsecutiveNonces() throws Exception {
    Api api = new Api(port);
    Api.Session user = api.newUser();
    WalletId wallet = new WalletId(api.get("/api/v1/user/profile", user.accessToken()).json().get("walletIndex").asLong());
    await().atMost(Duration.ofSeconds(30)).until(() -> chain.balance(Address.of(user.walletAddress())).signum() > 0);

    ConcurrentLinkedQueue<TransactionId> ids = new ConcurrentLinkedQueue<>();
    try (var pool = Executors.newFixedThreadPool(16)) {
      IntStream.range(0, 200).forEach(i -> pool.submit(() -> ids.add(manager.enqueue(harmless(wallet, user)))));
    }
    assertThat(ids).hasSize(200);

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
        .until(() -> ids.stream().allMatch(id -> manager.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED));

    List<TransactionView> done = ids.stream().map(id -> manager.find(id).orElseThrow()).toList();
    assertThat(done.stream().map(TransactionView::nonce).sorted().toList())
        .isEqualTo(IntStream.range(0, 200).mapToObj(Long::valueOf).toList());
    // the chain agrees: 200 transactions from this wallet, each with a successful receipt
    assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).isEqualTo(BigInteger.valueOf(200));
    Map<String, io.nfttraders.chain.Receipt> receipts = chain.receipts(done.stream().map(TransactionView::hash).toList());
    assertThat(receipts).hasSize(200);
    assertThat(receipts.values()).allMatch(io.nfttraders.chain.Receipt::succeeded);
  }

  @Test
  void aTransactionTheSignerRefusesFailsAndTheRefusalIsAudited(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    Api.Session user = new Api(port).newUser();
    WalletId wallet = new WalletId(new Api(port).get("/api/v1/user/profile", user.accessToken()).json().get("walletIndex").asLong());
    long refusals = jdbc.sql("select count(*) from signing_audit where not signed and wallet_index = :w").param("w", wallet.index()).query(Long.class).single();
    TransactionId id = manager.enqueue(new TransactionIntent("TEST", wallet, Address.of("0x000000000000000000000000000000000000dEaD"), BigInteger.ZERO, HARMLESS_CALL,
        BigInteger.valueOf(60_000), Optional.of(user.userId()), "not our contract", Optional.empty()));
    await().atMost(Duration.ofSeconds(30)).until(() -> manager.find(id).orElseThrow().status() == TransactionStatus.FAILED);
    assertThat(manager.find(id).orElseThrow().nonce()).as("no nonce consumed").isNull();
    assertThat(jdbc.sql("select count(*) from signing_audit where not signed and wallet_index = :w").param("w", wallet.index()).query(Long.class).single())
        .isEqualTo(refusals + 1);
  }

  @Test
  void aRefusalAmongAWalletsTransactionsTakesNoNonceAndTheOthersAreSignedAndAudited(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
    Api api = new Api(port);
    Api.Session user = api.newUser();
    WalletId wallet = new WalletId(api.get("/api/v1/user/profile", user.accessToken()).json().get("walletIndex").asLong());
    await().atMost(Duration.ofSeconds(30)).until(() -> chain.balance(Address.of(user.walletAddress())).signum() > 0);

    // enqueued together, so one signing step usually takes all three
    TransactionId first = manager.enqueue(harmless(wallet, user));
    TransactionId refused = manager.enqueue(new TransactionIntent("TEST", wallet, Address.of("0x000000000000000000000000000000000000dEaD"), BigInteger.ZERO,
        HARMLESS_CALL, BigInteger.valueOf(60_000), Optional.of(user.userId()), "not our contract", Optional.empty()));
    TransactionId last = manager.enqueue(harmless(wallet, user));

    await().atMost(Duration.ofSeconds(30)).until(() -> manager.find(last).orElseThrow().status() == TransactionStatus.CONFIRMED
        && manager.find(first).orElseThrow().status() == TransactionStatus.CONFIRMED);
    assertThat(manager.find(refused).orElseThrow().status()).isEqualTo(TransactionStatus.FAILED);
    assertThat(manager.find(first).orElseThrow().nonce()).isZero();
    assertThat(manager.find(last).orElseThrow().nonce()).isEqualTo(1);
    assertThat(chain.pendingNonce(Address.of(user.walletAddress()))).isEqualTo(BigInteger.TWO);
    assertThat(jdbc.sql("select count(*) from signing_audit where signed and wallet_index = :w and kind = 'TRANSACTION'")
        .param("w", wallet.index()).query(Long.class).single()).as("one audit record per granted signature").isEqualTo(2);
  }

  @Test
  void theApiShowsATransactionWithItsHistoryOnlyToItsRequester() {
    Api api = new Api(port);
    Api.Session user = api.newUser();
    Api.Session stranger = api.newUser();
    WalletId wallet = new WalletId(api.get("/api/v1/user/profile", user.accessToken()).json().get("walletIndex").asLong());
    await().atMost(Duration.ofSeconds(30)).until(() -> chain.balance(Address.of(user.walletAddress())).signum() > 0);
    TransactionId id = manager.enqueue(harmless(wallet, user));
    await().atMost(Duration.ofSeconds(30)).until(() -> manager.find(id).orElseThrow().status() == TransactionStatus.CONFIRMED);

    Api.Response mine = api.get("/api/v1/transactions/" + id, user.accessToken());
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.text("status")).isEqualTo("CONFIRMED");
    assertThat(mine.json().get("nonce").asLong()).isZero();
    assertThat(mine.json().get("history").toString()).contains("QUEUED", "SIGNED", "SENT", "MINED", "CONFIRMED");
    assertThat(api.get("/api/v1/transactions/" + id, stranger.accessToken()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/transactions/not-a-uuid", user.accessToken()).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/user/transactions", user.accessToken()).json().get(0).get("id").asString()).isEqualTo(id.toString());
  }
}
