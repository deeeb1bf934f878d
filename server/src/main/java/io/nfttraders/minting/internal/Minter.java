package io.nfttraders.minting.internal;

import io.nfttraders.chain.ChainContracts;
import io.nfttraders.chain.Editions;
import io.nfttraders.chain.NftCollection;
import io.nfttraders.collections.CreatorCollection;
import io.nfttraders.content.Cid;
import io.nfttraders.content.ContentStore;
import io.nfttraders.content.FileBatch;
import io.nfttraders.content.ImageValidation;
import io.nfttraders.content.StoredDirectory;
import io.nfttraders.content.StoredFile;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.PlatformWallet;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.minting.MintMode;
import io.nfttraders.signer.WalletId;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Turns uploads into stored content and one mint transaction. Content is validated, then written
 * before any database transaction opens (uploads can be slow, and storage is idempotent by CID,
 * so a failed request leaves at most unreferenced files); the mint records and the queued
 * transaction are then written in the caller's short database transaction.
 */
@Service
class Minter {

  private static final Logger log = LoggerFactory.getLogger(Minter.class);

  /** One token's prepared content. */
  record Prepared(String name, StoredFile image, StoredFile metadata, String metadataJson) {}

  private final ContentStore content;
  private final ImageValidation images;
  private final CustodialWallets wallets;
  private final TransactionManager transactions;
  private final MinterGrants grants;
  private final JdbcClient jdbc;
  private final MintingProperties properties;
  private final ChainContracts contracts;
  private final Clock clock;

  Minter(ContentStore content, ImageValidation images, CustodialWallets wallets, TransactionManager transactions, MinterGrants grants, JdbcClient jdbc,
      MintingProperties properties, ChainContracts contracts, Clock clock) {
    this.content = content;
    this.images = images;
    this.wallets = wallets;
    this.transactions = transactions;
    this.grants = grants;
    this.jdbc = jdbc;
    this.properties = properties;
    this.contracts = contracts;
    this.clock = clock;
  }

  /** One upload that passed every check, not stored yet. */
  record Validated(byte[] image, String imageType, NftMetadata metadata) {}

  /** Checks an image + metadata pair without storing anything, so a bad item in a drop stores nothing at all. */
  Validated validate(byte[] image, byte[] metadataJson) {
    return new Validated(image, images.validate(image).mediaType(), NftMetadata.parse(metadataJson));
  }

  /**
   * Stores the items' images and the metadata documents that point to them, all in one write (one
   * flush for a whole drop); no database writes.
   */
  List<Prepared> store(List<Validated> items) {
    FileBatch batch = content.newBatch();
    List<Prepared> prepared = new ArrayList<>(items.size());
    for (Validated item : items) {
      StoredFile storedImage = batch.add(item.image(), item.imageType());
      byte[] document = item.metadata().toJson("ipfs://" + storedImage.cid());
      if (document.length > properties.maxMetadataBytes()) {
        throw new MintProblems.InvalidMetadata(List.of("the metadata document would exceed " + properties.maxMetadataBytes() + " bytes"));
      }
      StoredFile storedMetadata = batch.add(document, "application/json");
      prepared.add(new Prepared(item.metadata().name(), storedImage, storedMetadata, new String(document, StandardCharsets.UTF_8)));
    }
    batch.commit();
    return prepared;
  }

  /** Queues the mint of one token; must run inside a database transaction. */
  MintAccepted mintOne(UUID user, Prepared item, MintTarget target) {
    Wallet wallet = walletOf(user);
    byte[] digest = item.metadata().cid().sha256Digest();
    String tokenUri = "ipfs://" + item.metadata().cid();
    return switch (target) {
      case MintTarget.Shared shared -> {
        Royalty royalty = new Royalty(wallet.address(), shared.royaltyBps());
        byte[] data = sharedCollection(shared).mint(wallet.address(), digest, royalty);
        yield record(user, wallet, shared.chain(), sharedIntent(user, wallet, shared, "MINT", data, CollectionGas.MINT, "mint " + tokenUri), royalty, true,
            null, List.of(item), List.of(tokenUri));
      }
      case MintTarget.Own own -> {
        CreatorCollection mine = own.collection();
        byte[] data = mine.standard() == TokenStandard.ERC1155
            ? new Editions(mine.address()).mint(wallet.address(), own.supply(), digest)
            : new NftCollection(mine.address()).mint(wallet.address(), digest, NftCollection.COLLECTION_DEFAULT);
        String reason = "mint " + (own.supply().equals(BigInteger.ONE) ? "" : own.supply() + " copies of ") + tokenUri + " into " + mine.symbol();
        yield record(user, wallet, mine.chainId(), ownIntent(user, wallet, mine, "MINT", data, CollectionGas.MINT, reason), mine.royalty(), false, null,
            List.of(item), List.of(tokenUri));
      }
    };
  }

  /** The UnixFS directory of a drop's metadata documents, named "0", "1", ... in token order; no database writes. */
  StoredDirectory storeDrop(List<Prepared> items) {
    List<StoredDirectory.Entry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      StoredFile metadata = items.get(i).metadata();
      entries.add(new StoredDirectory.Entry(Integer.toString(i), metadata.cid(), metadata.size()));
    }
    return content.putDirectory(entries);
  }

  /** Queues one mintBatch over the drop's directory (an ERC-721 collection's); must run inside a database transaction. */
  MintAccepted mintBatch(UUID user, List<Prepared> items, StoredDirectory directory, MintTarget target) {
    Wallet wallet = walletOf(user);
    List<String> tokenUris = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      tokenUris.add("ipfs://" + directory.cid() + "/" + i);
    }
    byte[] digest = directory.cid().sha256Digest();
    BigInteger gas = CollectionGas.mintBatch(items.size());
    String reason = "mint " + items.size() + " tokens of ipfs://" + directory.cid();
    return switch (target) {
      case MintTarget.Shared shared -> {
        Royalty royalty = new Royalty(wallet.address(), shared.royaltyBps());
        byte[] data = sharedCollection(shared).mintBatch(wallet.address(), items.size(), digest, royalty);
        yield record(user, wallet, shared.chain(), sharedIntent(user, wallet, shared, "MINT_BATCH", data, gas, reason), royalty, true, directory.cid(),
            items, tokenUris);
      }
      case MintTarget.Own own -> {
        CreatorCollection mine = own.collection();
        byte[] data = new NftCollection(mine.address()).mintBatch(wallet.address(), items.size(), digest, NftCollection.COLLECTION_DEFAULT);
        yield record(user, wallet, mine.chainId(), ownIntent(user, wallet, mine, "MINT_BATCH", data, gas, reason + " into " + mine.symbol()),
            mine.royalty(), false, directory.cid(), items, tokenUris);
      }
    };
  }

  /** A creator mints into their own collection with their own wallet: it is the collection's minter from the start. */
  private static TransactionIntent ownIntent(UUID user, Wallet wallet, CreatorCollection collection, String kind, byte[] data, BigInteger gas,
      String reason) {
    return new TransactionIntent(kind, wallet.id(), collection.address(), BigInteger.ZERO, data, gas, Optional.of(user), reason, Optional.empty());
  }

  private NftCollection sharedCollection(MintTarget.Shared shared) {
    return contracts.find(shared.chain()).orElseThrow().collection();
  }

  private TransactionIntent sharedIntent(UUID user, Wallet wallet, MintTarget.Shared shared, String kind, byte[] data, BigInteger gas, String reason) {
    boolean sponsored = properties.mode() == MintMode.SPONSORED;
    WalletId signer = sponsored ? PlatformWallet.ID : wallet.id();
    NftCollection collection = sharedCollection(shared);
    Optional<TransactionId> after = sponsored ? Optional.empty() : Optional.of(grants.ensure(shared.chain(), collection, wallet.address(), user));
    return new TransactionIntent(kind, signer, collection.address(), BigInteger.ZERO, data, gas, Optional.of(user), reason, after);
  }

  /** {@code royaltyPerMint}: whether the mint call itself records {@code royalty} (the shared collection), or it is the collection's. */
  private MintAccepted record(UUID user, Wallet wallet, ChainId chain, TransactionIntent intent, Royalty royalty, boolean royaltyPerMint,
      @Nullable Cid directory, List<Prepared> items, List<String> tokenUris) {
    TransactionId tx = transactions.enqueue(chain, intent);
    UUID mintId = UUID.randomUUID();
    jdbc.sql("""
            insert into mints (id, user_id, transaction_id, chain_id, contract, mode, recipient, directory_cid, item_count, created_at,
              royalty_receiver, royalty_bps)
            values (:id, :user, :tx, :chain, :contract, :mode, :recipient, :dir, :count, :now, :royaltyReceiver, :royaltyBps)
            """)
        .param("id", mintId).param("user", user).param("tx", tx.value()).param("chain", chain.value()).param("contract", intent.to().hex())
        .param("mode", royaltyPerMint ? properties.mode().name() : MintMode.USER_SIGNED.name()).param("recipient", wallet.address().hex())
        .param("dir", directory == null ? null : directory.toString()).param("count", items.size())
        .param("now", Timestamp.from(clock.instant()))
        .param("royaltyReceiver", royaltyPerMint ? royalty.receiver().hex() : null).param("royaltyBps", royaltyPerMint ? royalty.bps() : null)
        .update();
    jdbc.sql("""
            insert into mint_items (mint_id, position, name, metadata_cid, image_cid, token_uri, metadata)
            select :mint, * from unnest(:positions::int[], :names::text[], :metadata::text[], :images::text[], :uris::text[], :json::text[])
            """)
        .param("mint", mintId)
        .param("positions", IntStream.range(0, items.size()).boxed().toArray(Integer[]::new))
        .param("names", items.stream().map(Prepared::name).toArray(String[]::new))
        .param("metadata", items.stream().map(item -> item.metadata().cid().toString()).toArray(String[]::new))
        .param("images", items.stream().map(item -> item.image().cid().toString()).toArray(String[]::new))
        .param("uris", tokenUris.toArray(String[]::new))
        .param("json", items.stream().map(Prepared::metadataJson).toArray(String[]::new))
        .update();
    List<MintAccepted.Item> accepted = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Prepared item = items.get(i);
      accepted.add(new MintAccepted.Item(i, item.name(), tokenUris.get(i), "ipfs://" + item.metadata().cid(), "ipfs://" + item.image().cid()));
    }
    log.info("mint accepted mintId={} userId={} transactionId={} items={} mode={}", mintId, user, tx, items.size(), properties.mode());
    return new MintAccepted(mintId, tx.toString(), "QUEUED", royaltyPerMint ? properties.mode().name() : MintMode.USER_SIGNED.name(),
        intent.to().hex(), royalty, accepted);
  }

  /** Checked before anything is stored for a mint: an account without a custodial wallet cannot mint here. */
  void requireWallet(UUID user) {
    walletOf(user);
  }

  private Wallet walletOf(UUID user) {
    return wallets.walletOf(user).orElseThrow(MintProblems.NoWallet::new);
  }
}
