package io.nfttraders.collections.internal;

import io.nfttraders.chain.ChainClient;
import io.nfttraders.chain.CollectionFactory;
import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.chain.SignableContracts;
import io.nfttraders.content.Cid;
import io.nfttraders.content.ContentStore;
import io.nfttraders.content.ImageValidation;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Royalty;
import io.nfttraders.ethereum.UnsignedTransaction;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.web3j.utils.Numeric;

/**
 * Creates a creator's own collection: its image and ERC-7572 metadata go to the content store, the
 * factory says where the clone will be, and the factory call is sent from the creator's custodial
 * wallet (or handed to their own wallet to send). The collection is recorded at once, PENDING until
 * the factory's log is indexed.
 */
@Service
class CollectionCreation {

  private static final Logger log = LoggerFactory.getLogger(CollectionCreation.class);
  /** A clone and its setup measured ~235k gas; the limit leaves room for longer names. */
  private static final BigInteger CREATE_GAS = BigInteger.valueOf(400_000);
  private static final SecureRandom SALTS = new SecureRandom();

  private final ContentStore content;
  private final ImageValidation images;
  private final CustodialWallets wallets;
  private final TransactionManager transactions;
  private final ChainClient chain;
  private final DeployedContracts contracts;
  private final SignableContracts signable;
  private final CollectionReads reads;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final int defaultRoyaltyBps;
  private final int maxRoyaltyBps;

  CollectionCreation(ContentStore content, ImageValidation images, CustodialWallets wallets, TransactionManager transactions, ChainClient chain,
      DeployedContracts contracts, SignableContracts signable, CollectionReads reads, JdbcClient jdbc, Clock clock,
      @Value("${nft.minting.default-royalty-bps:500}") int defaultRoyaltyBps, @Value("${nft.market.max-royalty-bps:1000}") int maxRoyaltyBps) {
    this.content = content;
    this.images = images;
    this.wallets = wallets;
    this.transactions = transactions;
    this.chain = chain;
    this.contracts = contracts;
    this.signable = signable;
    this.reads = reads;
    this.jdbc = jdbc;
    this.clock = clock;
    this.defaultRoyaltyBps = defaultRoyaltyBps;
    this.maxRoyaltyBps = maxRoyaltyBps;
    signable.allow(reads.custodialCollections());
  }

  /** A request that passed every check, with its content stored; nothing recorded or sent yet. */
  record Prepared(CollectionRequest.Valid request, Address owner, Optional<Wallet> custodial, Royalty royalty, @Nullable Cid image, Cid metadata) {}

  /**
   * Checks the request and stores its image and metadata document, before any database transaction
   * (storage is idempotent by CID: a request refused later leaves at most unreferenced files).
   */
  Prepared prepare(UUID user, Optional<Address> selfCustody, CollectionRequest request, byte @Nullable [] image) {
    CollectionRequest.Valid valid = request.validated(defaultRoyaltyBps, maxRoyaltyBps);
    String imageType = image == null ? null : images.validate(image).mediaType();
    Optional<Wallet> custodial = selfCustody.isPresent() ? Optional.empty() : Optional.of(walletOf(user));
    Address owner = selfCustody.orElseGet(() -> custodial.orElseThrow().address());
    Royalty royalty = new Royalty(valid.royaltyReceiver() == null ? owner : valid.royaltyReceiver(), valid.royaltyBps());
    Cid imageCid = image == null ? null : content.putFile(image, imageType).cid();
    Cid metadata = content.putFile(CollectionMetadata.json(valid, imageCid, royalty), "application/json").cid();
    return new Prepared(valid, owner, custodial, royalty, imageCid, metadata);
  }

  /** Records the collection and queues its creation (or hands it over to sign); runs in the caller's database transaction. */
  CollectionRequested record(UUID user, Prepared prepared) {
    CollectionRequest.Valid request = prepared.request();
    byte[] salt = new byte[32];
    SALTS.nextBytes(salt);
    CollectionFactory factory = contracts.factory();
    Address address = Address.fromWord(chain.call(factory.address(), factory.predictCollection(request.standard(), prepared.owner(), salt)));
    byte[] data = factory.createCollection(new CollectionFactory.Setup(request.standard(), request.name(), request.symbol(), prepared.royalty(),
        prepared.metadata().sha256Digest(), salt));
    TransactionId tx = null;
    if (prepared.custodial().isPresent()) {
      signable.allow(List.of(address)); // its creator's wallet will call it: to mint, to change it
      tx = transactions.enqueue(new TransactionIntent("CREATE_COLLECTION", prepared.custodial().get().id(), factory.address(), BigInteger.ZERO, data,
          CREATE_GAS, Optional.of(user), "create collection " + request.symbol() + " at " + address.checksummed(), Optional.empty()));
    }
    jdbc.sql("""
            insert into creator_collections (chain_id, address, standard, creator_user_id, owner_address, name, symbol, description, image_cid,
              metadata_cid, royalty_receiver, royalty_bps, salt, transaction_id, requested_at)
            values (:chain, :address, :standard, :user, :owner, :name, :symbol, :description, :image, :metadata, :receiver, :bps, :salt, :tx, :now)
            """)
        .param("chain", contracts.chainId().value()).param("address", address.hex()).param("standard", request.standard().name())
        .param("user", user).param("owner", prepared.owner().hex()).param("name", request.name()).param("symbol", request.symbol())
        .param("description", request.description()).param("image", prepared.image() == null ? null : prepared.image().toString())
        .param("metadata", prepared.metadata().toString()).param("receiver", prepared.royalty().receiver().hex()).param("bps", prepared.royalty().bps())
        .param("salt", HexFormat.of().formatHex(salt)).param("tx", tx == null ? null : tx.value()).param("now", Timestamp.from(clock.instant()))
        .update();
    log.info("collection requested address={} standard={} userId={} transactionId={} selfCustody={}", address, request.standard(), user, tx,
        prepared.custodial().isEmpty());
    CollectionView view = reads.view(contracts.chainId(), address).orElseThrow();
    UnsignedTransaction toSign = prepared.custodial().isPresent() ? null
        : new UnsignedTransaction(contracts.chainId(), prepared.owner(), factory.address(), Numeric.toHexString(data), "0");
    return new CollectionRequested(view, toSign);
  }

  private Wallet walletOf(UUID user) {
    return wallets.walletOf(user).orElseThrow(CollectionProblems.NoWallet::new);
  }
}
