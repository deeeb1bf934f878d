package io.nfttraders.minting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.market.TradingFixture;
import io.nfttraders.support.Api;
import io.nfttraders.support.CollectionAbi;
import io.nfttraders.support.MarketplaceTest;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import io.nfttraders.txmanager.TransactionView;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketplaceTest
class CreatorRoyaltyMigrationTest {

  private static final BigInteger PRICE = BigInteger.valueOf(10_000);

  @LocalServerPort int port;
  @Autowired ChainClient chain;
  @Autowired DeployedContracts contracts;
  @Autowired CustodialWallets wallets;
  @Autowired JdbcClient jdbc;
  @Autowired TransactionManager transactions;
  @Autowired CreatorRoyaltyMigration migration;

  @Test
  void tokensMintedBeforeCreatorsRoyaltiesGetTheirCreatorAsReceiverByOneRecordedTransaction() {
    Api api = new Api(port);
    Api.Session creator = api.newUser();
    BigInteger token = new TradingFixture(api, chain, contracts).mint(creator);
    String collection = contracts.collection().address().checksummed();
    leaveAsBeforeCreatorsRoyalties(token, creator);
    assertThat(CollectionAbi.royaltyInfo(chain, collection, token, PRICE))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(wallets.platformWallet().address().checksummed(), 500));

    assertThat(migration.migrate()).isEqualTo(1);
    Map<String, Object> recorded = jdbc.sql("select transaction_id, mint_count, state from royalty_migrations order by created_at desc limit 1")
        .query().singleRow();
    assertThat(recorded).containsEntry("mint_count", 1).containsEntry("state", "SENT");
    TransactionId tx = new TransactionId((UUID) recorded.get("transaction_id"));
    awaitConfirmed(tx);

    assertThat(CollectionAbi.royaltyInfo(chain, collection, token, PRICE))
        .isEqualTo(CollectionAbi.RoyaltyInfo.of(creator.walletAddress(), 500));
    assertThat(migration.migrate()).as("nothing is left to migrate").isZero();
    assertThat(jdbc.sql("select state from royalty_migrations where transaction_id = :tx").param("tx", tx.value()).query(String.class).single())
        .isEqualTo("CONFIRMED");
  }

  /** As a mint made before creators' royalties left its token: no royalty of its own on chain, none recorded. */
  private void leaveAsBeforeCreatorsRoyalties(BigInteger token, Api.Session creator) {
    TransactionId cleared = transactions.enqueue(new TransactionIntent("TEST", PlatformWallet.ID, contracts.collection().address(), BigInteger.ZERO,
        contracts.collection().setMintRoyalties(List.of(token), List.of(new Royalty(Address.ZERO, 0))), BigInteger.valueOf(200_000),
        Optional.empty(), "a token as minted before creators' royalties", Optional.empty()));
    awaitConfirmed(cleared);
    jdbc.sql("update mints set royalty_receiver = null, royalty_bps = null where recipient = :creator")
        .param("creator", Address.parse(creator.walletAddress()).hex()).update();
  }

  private void awaitConfirmed(TransactionId tx) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
        .until(() -> transactions.find(tx).map(TransactionView::status).orElseThrow() == TransactionStatus.CONFIRMED);
  }
}
