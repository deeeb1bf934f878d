package io.nfttraders.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.FeeQuote;
import io.nfttraders.chain.Receipt;
import io.nfttraders.ethereum.Address;
import io.nfttraders.signer.KeyEncryptionKey;
import io.nfttraders.signer.SignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TransactionRequest;
import io.nfttraders.signer.WalletId;
import io.nfttraders.support.Api;
import io.nfttraders.support.IndependentDerivation;
import io.nfttraders.support.MarketplaceTest;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.utils.Numeric;

@MarketplaceTest
class AccountsJourneyTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired KeyEncryptionKey kek;
  @Autowired Signer signer;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  Api api;

  @BeforeEach
  void setUp() {
    api = new Api(port);
  }

  @Test
  void signUpLogInRefreshAndSeeTheCustodialWalletDerivedFromTheSeed() throws Exception {
    Api.Session session = api.newUser();

    Api.Response refreshed = api.postJson("/api/v1/auth/refresh", Map.of("refreshToken", session.refreshToken()), null);
    assertThat(refreshed.status()).isEqualTo(200);
    assertThat(refreshed.text("refreshToken")).isNotEqualTo(session.refreshToken());

    Api.Response profile = api.get("/api/v1/user/profile", refreshed.text("accessToken"));
    assertThat(profile.status()).isEqualTo(200);
    assertThat(profile.text("email")).isEqualTo(session.email());
    assertThat(profile.text("walletAddress")).isEqualTo(session.walletAddress());
    long index = profile.json().get("walletIndex").asLong();
    assertThat(index).isPositive();

    byte[] seed = IndependentDerivation.masterSeed(jdbc, kek);
    assertThat(IndependentDerivation.address(seed, index)).isEqualTo(session.walletAddress());
  }

  @Test
  void aTransactionSignedForTheWalletIsMinedAndItsSenderIsTheWallet() throws Exception {
    Api.Session session = api.newUser();
    long index = api.get("/api/v1/user/profile", session.accessToken()).json().get("walletIndex").asLong();
    await().atMost(Duration.ofSeconds(30)).until(() -> chain.balance(Address.of(session.walletAddress())).signum() > 0);

    // supportsInterface(0x80ac58cd): a harmless call to our own contract, sent as a transaction
    String collection = contracts.collection().address().checksummed();
    byte[] data = Numeric.hexStringToByteArray("0x01ffc9a780ac58cd00000000000000000000000000000000000000000000000000000000");
    FeeQuote fees = chain.fees();
    SignedTransaction tx = signer.sign(new TransactionRequest(new WalletId(index), chain.endpoint().chainId(),
        chain.pendingNonce(Address.of(session.walletAddress())), BigInteger.valueOf(100_000), collection, BigInteger.ZERO, data,
        fees.maxPriorityFeePerGas(), fees.maxFeePerGas(), "test", "journey"));

    String hash = chain.sendRawTransaction(tx.rawTransaction());
    Receipt receipt = chain.awaitReceipt(hash, Duration.ofSeconds(30)).orElseThrow();
    assertThat(receipt.succeeded()).isTrue();
    assertThat(hash).isEqualTo(tx.transactionHash());
    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(tx.rawTransaction());
    assertThat(decoded.getFrom()).isEqualToIgnoringCase(session.walletAddress());
    assertThat(chain.pendingNonce(Address.of(session.walletAddress()))).isEqualTo(BigInteger.ONE);
  }
}
