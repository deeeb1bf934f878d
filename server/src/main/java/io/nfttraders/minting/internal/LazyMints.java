package io.nfttraders.minting.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Signatures;
import io.nfttraders.ethereum.UnsignedTransaction;
import io.nfttraders.signer.Signer;
import io.nfttraders.signer.TypedDataRequest;
import io.nfttraders.txmanager.TransactionId;
import io.nfttraders.txmanager.TransactionIntent;
import io.nfttraders.txmanager.TransactionManager;
import io.nfttraders.txmanager.TransactionStatus;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.web3j.utils.Numeric;

/**
 * Lazy minting into the shared collection: the creator's custodial wallet signs a mint voucher
 * (nothing is sent, no gas is paid) and the voucher is listed; a buyer's redemption mints the token
 * to them and pays the creator, one transaction of the buyer's wallet. A voucher is taken by one
 * buyer at a time (REDEEMING) and is REDEEMED when the exchange's {@code VoucherRedeemed} is indexed;
 * a redemption that failed on-chain frees it again.
 */
@Service
class LazyMints {

  private static final Logger log = LoggerFactory.getLogger(LazyMints.class);
  private static final BigInteger REDEEM_GAS = BigInteger.valueOf(300_000);
  private static final SecureRandom SALTS = new SecureRandom();

  /** A voucher as stored, with what the buyer's page needs; no signature while UNSIGNED. */
  record Stored(UUID id, MintVoucher voucher, String hash, @Nullable String signature, String name, String imageCid, String state,
      @Nullable TransactionId grant, @Nullable TransactionId redemption, @Nullable BigInteger tokenId) {}

  /** A purchase: queued for a custodial buyer, or the transaction a self-custody buyer's wallet sends. */
  record Bought(Stored lazyMint, @Nullable UnsignedTransaction transactionToSign) {}

  private final JdbcClient jdbc;
  private final CustodialWallets wallets;
  private final Signer signer;
  private final MinterGrants grants;
  private final TransactionManager transactions;
  private final DeployedContracts contracts;
  private final Clock clock;

  LazyMints(JdbcClient jdbc, CustodialWallets wallets, Signer signer, MinterGrants grants, TransactionManager transactions, DeployedContracts contracts,
      Clock clock) {
    this.jdbc = jdbc;
    this.wallets = wallets;
    this.signer = signer;
    this.grants = grants;
    this.transactions = transactions;
    this.contracts = contracts;
    this.clock = clock;
  }

  /**
   * Lists a voucher for this stored item, signed by the creator's custodial wallet; a self-custody
   * creator's voucher waits UNSIGNED for their wallet's signature ({@link #sign}). The creator's
   * address and the exchange get the minter role first if they lack it.
   */
  @Transactional
  Stored create(UUID user, Optional<Address> selfCustody, Minter.Prepared item, int royaltyBps, BigInteger price, Instant endTime) {
    if (!endTime.isAfter(clock.instant())) {
      throw new MintProblems.InvalidVoucher("endTime must be in the future");
    }
    Optional<Wallet> custodial = selfCustody.isPresent() ? Optional.empty() : Optional.of(wallets.walletOf(user).orElseThrow(MintProblems.NoWallet::new));
    Address creator = selfCustody.orElseGet(() -> custodial.orElseThrow().address());
    long chainId = contracts.chainId().value();
    TransactionId exchangeGrant = grants.ensure(contracts.chainId(), contracts.collection(), contracts.exchange(), user);
    TransactionId creatorGrant = grants.ensure(contracts.chainId(), contracts.collection(), creator, user);
    // the platform wallet sends grants in order: the later one pending is the one to wait for
    TransactionId waitFor = confirmed(creatorGrant) ? exchangeGrant : creatorGrant;
    MintVoucher voucher = new MintVoucher(creator.hex(), contracts.collection().address().hex(), item.metadata().cid().sha256Digest(), royaltyBps,
        price, endTime.getEpochSecond(), new BigInteger(128, SALTS));
    String signature = custodial.map(wallet -> signer.sign(new TypedDataRequest(wallet.id(), voucher.typedData(contracts).v4Json(), "minting",
        "lazy mint " + item.name())).signature()).orElse(null);
    UUID id = UUID.randomUUID();
    String hash = voucher.hash(contracts);
    jdbc.sql("""
            insert into lazy_mints (id, user_id, chain_id, exchange, creator, collection, metadata_digest, royalty_bps, price_wei, end_time, salt,
              voucher_hash, signature, name, metadata_json, image_cid, grant_transaction_id, state, created_at)
            values (:id, :user, :chain, :exchange, :creator, :collection, :digest, :royalty, :price, :end, :salt, :hash, :signature, :name, :json,
              :image, :grant, :state, :now)
            """)
        .param("id", id).param("user", user).param("chain", chainId).param("exchange", contracts.exchange().hex()).param("creator", voucher.creator())
        .param("collection", voucher.collection()).param("digest", Numeric.toHexString(voucher.metadataDigest())).param("royalty", royaltyBps)
        .param("price", new BigDecimal(price)).param("end", Timestamp.from(Instant.ofEpochSecond(voucher.endTime())))
        .param("salt", new BigDecimal(voucher.salt())).param("hash", hash).param("signature", signature).param("name", item.name())
        .param("json", item.metadataJson()).param("image", item.image().cid().value()).param("grant", confirmed(waitFor) ? null : waitFor.value())
        .param("state", signature == null ? "UNSIGNED" : "OPEN")
        .param("now", Timestamp.from(clock.instant()))
        .update();
    log.info("lazy mint {} lazyMintId={} voucherHash={} creator={} priceWei={}", signature == null ? "awaits its signature" : "listed", id, hash,
        voucher.creator(), price);
    return find(id).orElseThrow();
  }

  /** A self-custody creator's signature of their UNSIGNED voucher: checked against the creator's address, then the voucher is listed. */
  @Transactional
  Stored sign(UUID user, UUID id, String signature) {
    Stored stored = lock(id).filter(s -> ownedBy(user, id)).orElseThrow(() -> new MintProblems.VoucherNotFound(id.toString()));
    if (!stored.state().equals("UNSIGNED")) {
      throw new MintProblems.VoucherUnavailable("SIGNED", "This voucher is signed already");
    }
    Address signedBy;
    try {
      signedBy = Signatures.signerOf(Numeric.hexStringToByteArray(stored.hash()), signature);
    } catch (Signatures.Unrecoverable e) {
      throw new MintProblems.InvalidVoucher("signature: " + e.getMessage());
    }
    if (!signedBy.hex().equals(stored.voucher().creator())) {
      throw new MintProblems.InvalidVoucher("signature: not the creator's (it recovers to " + signedBy.checksummed() + ")");
    }
    // stored as the custodial wallets' signatures are: 0x and lowercase hex
    jdbc.sql("update lazy_mints set signature = :signature, state = 'OPEN' where id = :id")
        .param("signature", Numeric.toHexString(Numeric.hexStringToByteArray(signature))).param("id", id).update();
    log.info("lazy mint listed lazyMintId={} voucherHash={} creator={}", id, stored.hash(), stored.voucher().creator());
    return find(id).orElseThrow();
  }

  /**
   * Takes the voucher for the buyer and queues their redemption, paying the price the buyer agreed
   * to (a voucher at another price is refused).
   */
  @Transactional
  Bought buy(UUID buyer, Optional<Address> selfCustody, UUID id, BigInteger agreedPrice) {
    Stored stored = lock(id).orElseThrow(() -> new MintProblems.VoucherNotFound(id.toString()));
    Optional<Wallet> custodial = selfCustody.isPresent() ? Optional.empty() : Optional.of(wallets.walletOf(buyer).orElseThrow(MintProblems.NoWallet::new));
    Address recipient = selfCustody.orElseGet(() -> custodial.orElseThrow().address());
    switch (stored.state()) {
      case "OPEN" -> { }
      case "UNSIGNED" -> throw new MintProblems.VoucherUnavailable("UNSIGNED", "The creator has not signed this voucher yet");
      case "REDEEMED" -> throw new MintProblems.VoucherUnavailable("REDEEMED", "This token was bought already");
      default -> throw new MintProblems.VoucherUnavailable("BEING_REDEEMED", "This token was bought already");
    }
    if (clock.instant().getEpochSecond() >= stored.voucher().endTime()) {
      throw new MintProblems.VoucherUnavailable("EXPIRED", "The creator's voucher has expired");
    }
    if (!stored.voucher().price().equals(agreedPrice)) {
      throw new MintProblems.VoucherUnavailable("PRICE_DIFFERS", "The voucher's price is " + stored.voucher().price() + " wei, not " + agreedPrice);
    }
    if (recipient.hex().equals(stored.voucher().creator())) {
      throw new MintProblems.VoucherUnavailable("OWN_VOUCHER", "Creators do not buy their own vouchers");
    }
    byte[] redeem = stored.voucher().redeemCall(Numeric.hexStringToByteArray(Objects.requireNonNull(stored.signature())), recipient);
    if (custodial.isEmpty()) {
      // the buyer's own wallet sends it, once the creator may mint; the chain lets the first redemption through
      if (stored.grant() != null && !confirmed(stored.grant())) {
        throw new MintProblems.VoucherUnavailable("NOT_READY", "The creator's right to mint is still being granted on the chain; try again shortly");
      }
      log.info("lazy mint redemption handed to a self-custody wallet lazyMintId={} buyer={}", id, recipient);
      return new Bought(stored, new UnsignedTransaction(contracts.chainId(), recipient, contracts.exchange(), Numeric.toHexString(redeem),
          stored.voucher().price().toString()));
    }
    TransactionId tx = transactions.enqueue(new TransactionIntent("REDEEM_VOUCHER", custodial.get().id(), contracts.exchange(), stored.voucher().price(),
        redeem, REDEEM_GAS, Optional.of(buyer), "buy lazy mint " + id, Optional.ofNullable(stored.grant())));
    jdbc.sql("update lazy_mints set state = 'REDEEMING', redeem_transaction_id = :tx where id = :id").param("tx", tx.value()).param("id", id).update();
    log.info("lazy mint redemption queued lazyMintId={} txId={}", id, tx.value());
    return new Bought(find(id).orElseThrow(), null);
  }

  /** Vouchers on sale now (OPEN and not expired), newest first. */
  List<Stored> onSale(int first) {
    return jdbc.sql("select * from lazy_mints where state = 'OPEN' and end_time > :now order by created_at desc limit :first")
        .param("now", Timestamp.from(clock.instant())).param("first", first).query((rs, n) -> read(rs)).list();
  }

  private boolean ownedBy(UUID user, UUID id) {
    return jdbc.sql("select count(*) from lazy_mints where id = :id and user_id = :user").param("id", id).param("user", user).query(Long.class).single() == 1;
  }

  /** The voucher; one whose redemption failed on-chain is offered again first. */
  @Transactional
  Optional<Stored> find(UUID id) {
    jdbc.sql("""
            update lazy_mints l set state = 'OPEN', redeem_transaction_id = null
            from chain_transactions t where l.id = :id and l.state = 'REDEEMING' and t.id = l.redeem_transaction_id and t.status = 'FAILED'
            """)
        .param("id", id).update();
    return jdbc.sql("select * from lazy_mints where id = :id").param("id", id).query((rs, n) -> read(rs)).optional();
  }

  private Optional<Stored> lock(UUID id) {
    find(id);
    return jdbc.sql("select * from lazy_mints where id = :id for update").param("id", id).query((rs, n) -> read(rs)).optional();
  }

  private boolean confirmed(TransactionId id) {
    return transactions.find(id).map(tx -> tx.status() == TransactionStatus.CONFIRMED).orElse(false);
  }

  private static Stored read(java.sql.ResultSet rs) throws java.sql.SQLException {
    MintVoucher voucher = new MintVoucher(rs.getString("creator"), rs.getString("collection"), Numeric.hexStringToByteArray(rs.getString("metadata_digest")),
        rs.getInt("royalty_bps"), rs.getBigDecimal("price_wei").toBigIntegerExact(), rs.getTimestamp("end_time").toInstant().getEpochSecond(),
        rs.getBigDecimal("salt").toBigIntegerExact());
    UUID grant = rs.getObject("grant_transaction_id", UUID.class);
    UUID redemption = rs.getObject("redeem_transaction_id", UUID.class);
    BigDecimal token = rs.getBigDecimal("token_id");
    return new Stored(rs.getObject("id", UUID.class), voucher, rs.getString("voucher_hash"), rs.getString("signature"), rs.getString("name"),
        rs.getString("image_cid"), rs.getString("state"), grant == null ? null : new TransactionId(grant),
        redemption == null ? null : new TransactionId(redemption), token == null ? null : token.toBigIntegerExact());
  }
}
