package io.nfttraders.minting.internal;

import io.nfttraders.chain.ChainProperties;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.NftCollection;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import io.nfttraders.txmanager.TransactionView;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the tokens of mints made before creators' royalties their creator as ERC-2981 receiver, at the
 * rate they paid the platform until then: at every start that finds such mints, one transaction by
 * the collection's admin (the platform wallet) per {@value #MINTS_PER_TRANSACTION} mints, recorded in
 * {@code royalty_migrations}. A migration whose transaction failed gives its mints back to the next start.
 */
@Component
class CreatorRoyaltyMigration {

  private static final Logger log = LoggerFactory.getLogger(CreatorRoyaltyMigration.class);
  /** Each mint call's royalty is one fresh storage slot (~27k gas): 400 stay far below a block's gas limit. */
  static final int MINTS_PER_TRANSACTION = 400;

  /** A mint whose royalty was never set, and the first token its transaction minted. */
  private record Unset(UUID mint, Address creator, BigInteger firstTokenId) {}

  private final JdbcClient jdbc;
  private final TransactionManager transactions;
  private final TransactionTemplate inTransaction;
  private final IndexedNfts nfts;
  private final NftCollection collection;
  private final long chainId;
  private final int rateBps;
  private final Clock clock;

  CreatorRoyaltyMigration(JdbcClient jdbc, TransactionManager transactions, TransactionTemplate inTransaction, IndexedNfts nfts,
      DeployedContracts contracts, ChainProperties chain, CreatorRoyalties royalties, Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.inTransaction = inTransaction;
    this.nfts = nfts;
    this.collection = contracts.collection();
    this.chainId = chain.id();
    this.rateBps = royalties.rate(null);
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  void onStart() {
    try {
      migrate();
    } catch (RuntimeException e) {
      // The server serves without it; the mints stay as they were and the next start tries again.
      log.error("royalty migration failed; mints without a creator royalty stay on the collection's default until the next start", e);
    }
  }

  /** Settles earlier migrations, then queues one for the mints still without a royalty; answers how many mints it queued. */
  int migrate() {
    settleEarlierMigrations();
    List<Unset> unset = unsetMints();
    for (int from = 0; from < unset.size(); from += MINTS_PER_TRANSACTION) {
      List<Unset> chunk = unset.subList(from, Math.min(unset.size(), from + MINTS_PER_TRANSACTION));
      inTransaction.executeWithoutResult(status -> queue(chunk));
    }
    return unset.size();
  }

  private void settleEarlierMigrations() {
    List<Map.Entry<UUID, UUID>> sent = jdbc.sql("select id, transaction_id from royalty_migrations where state = 'SENT'")
        .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    for (Map.Entry<UUID, UUID> migration : sent) {
      Optional<TransactionStatus> status = transactions.find(new TransactionId(migration.getValue())).map(TransactionView::status);
      if (status.isEmpty() || (status.get() != TransactionStatus.CONFIRMED && status.get() != TransactionStatus.FAILED)) {
        continue;
      }
      inTransaction.executeWithoutResult(tx -> {
        jdbc.sql("update royalty_migrations set state = :state where id = :id").param("state", status.get().name()).param("id", migration.getKey()).update();
        if (status.get() == TransactionStatus.FAILED) {
          jdbc.sql("update mints set royalty_receiver = null, royalty_bps = null, royalty_migration_id = null where royalty_migration_id = :id")
              .param("id", migration.getKey()).update();
        }
      });
      log.info("royalty migration settled migrationId={} transactionId={} state={}", migration.getKey(), migration.getValue(), status.get());
    }
  }

  /** Mints of the shared collection without a royalty whose tokens are indexed (a mint that failed never has any). */
  private List<Unset> unsetMints() {
    List<Map.Entry<UUID, Map.Entry<Address, UUID>>> mints = jdbc.sql("""
            select id, recipient, transaction_id from mints where royalty_bps is null and chain_id = :chain and contract = :contract order by created_at
            """)
        .param("chain", chainId).param("contract", collection.address().hex())
        .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), Map.entry(Address.of(rs.getString(2)), rs.getObject(3, UUID.class))))
        .list();
    List<Unset> unset = new ArrayList<>();
    for (var mint : mints) {
      Optional<String> hash = transactions.find(new TransactionId(mint.getValue().getValue()))
          .filter(tx -> tx.status() == TransactionStatus.CONFIRMED).map(TransactionView::hash);
      hash.flatMap(h -> nfts.mintedBy(h).stream().filter(t -> t.token().contract().equals(collection.address()))
              .map(t -> t.token().tokenId()).min(BigInteger::compareTo))
          .ifPresent(first -> unset.add(new Unset(mint.getKey(), mint.getValue().getKey(), first)));
    }
    return unset;
  }

  private void queue(List<Unset> mints) {
    List<Royalty> royalties = mints.stream().map(m -> new Royalty(m.creator(), rateBps)).toList();
    byte[] data = collection.setMintRoyalties(mints.stream().map(Unset::firstTokenId).toList(), royalties);
    BigInteger gas = BigInteger.valueOf(80_000L + 40_000L * mints.size());
    TransactionId tx = transactions.enqueue(new TransactionIntent("ROYALTY_MIGRATION", PlatformWallet.ID, collection.address(), BigInteger.ZERO, data, gas,
        Optional.empty(), "give " + mints.size() + " earlier mints their creator's royalty", Optional.empty()));
    UUID migration = UUID.randomUUID();
    jdbc.sql("""
            insert into royalty_migrations (id, transaction_id, chain_id, contract, mint_count, state, created_at)
            values (:id, :tx, :chain, :contract, :count, 'SENT', :now)
            """)
        .param("id", migration).param("tx", tx.value()).param("chain", chainId).param("contract", collection.address().hex())
        .param("count", mints.size()).param("now", Timestamp.from(clock.instant()))
        .update();
    jdbc.sql("""
            update mints m set royalty_receiver = m.recipient, royalty_bps = :bps, royalty_migration_id = :migration
            where m.id = any(:ids) and m.royalty_bps is null
            """)
        .param("bps", rateBps).param("migration", migration).param("ids", mints.stream().map(Unset::mint).toArray(UUID[]::new))
        .update();
    log.info("royalty migration queued migrationId={} transactionId={} mints={} rateBps={}", migration, tx, mints.size(), rateBps);
  }
}
