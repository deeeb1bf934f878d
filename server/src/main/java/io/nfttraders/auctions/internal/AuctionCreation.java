package io.nfttraders.auctions.internal;

import io.nfttraders.chain.DeployedContracts;
import io.nfttraders.custody.CustodialWallets;
import io.nfttraders.custody.Wallet;
import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.ChainId;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.indexer.IndexedNfts;
import io.nfttraders.indexer.TokenView;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Puts a token its seller owns up for auction. The token stays in the seller's custodial wallet
 * (no escrow): at the end the seller's wallet accepts the winning bid through the exchange, and if
 * the token has moved by then the auction ends unsold.
 */
@Service
class AuctionCreation {

  private static final Logger log = LoggerFactory.getLogger(AuctionCreation.class);

  private final JdbcClient jdbc;
  private final CustodialWallets wallets;
  private final IndexedNfts nfts;
  private final AuctionRegistry registry;
  private final AuctionProperties properties;
  private final Clock clock;
  private final long chainId;

  AuctionCreation(JdbcClient jdbc, CustodialWallets wallets, IndexedNfts nfts, AuctionRegistry registry, AuctionProperties properties,
      Clock clock, DeployedContracts contracts) {
    this.jdbc = jdbc;
    this.wallets = wallets;
    this.nfts = nfts;
    this.registry = registry;
    this.properties = properties;
    this.clock = clock;
    this.chainId = contracts.chainId().value();
  }

  Auction create(UUID user, NewAuction request) {
    Instant now = clock.instant();
    String collection = AuctionInputs.address("collection", request.collection());
    BigInteger tokenId = AuctionInputs.tokenId(request.tokenId());
    AuctionTerms terms = terms(request, now);
    Wallet seller = wallets.walletOf(user).orElseThrow(AuctionProblems.NoWallet::new);
    String sellerAddress = seller.address().hex();
    TokenRef ref = new TokenRef(ChainId.of(chainId), Address.of(collection), tokenId);
    TokenView token = nfts.token(ref).filter(t -> !t.burned())
        .orElseThrow(() -> new AuctionProblems.NotYourNft("No indexed token " + collection + "/" + tokenId));
    BigInteger amount = amount(request, token.standard());
    if (token.standard() == TokenStandard.ERC1155) {
      BigInteger held = nfts.copiesHeld(ref, seller.address());
      if (held.compareTo(amount) < 0) {
        throw new AuctionProblems.NotYourNft("Your wallet " + sellerAddress + " holds " + held + " copies of token " + tokenId + ", not " + amount);
      }
    } else if (!seller.address().equals(token.owner())) {
      throw new AuctionProblems.NotYourNft("Token " + tokenId + " is not owned by your wallet " + sellerAddress);
    }
    UUID id = UUID.randomUUID();
    try {
      jdbc.sql("""
              insert into auctions (id, chain_id, collection, token_id, standard, amount, seller, seller_user_id, type, start_price_wei,
                floor_price_wei, buy_now_price_wei, starts_at, duration_ms, min_increment_bps, extension_window_ms, created_at)
              values (:id, :chain, :collection, :token, :standard, :amount, :seller, :user, :type, :start, :floor, :buyNow, :startsAt, :duration,
                :increment, :extension, :now)
              """)
          .param("id", id).param("chain", chainId).param("collection", collection).param("token", new BigDecimal(tokenId))
          .param("standard", token.standard().name()).param("amount", new BigDecimal(amount))
          .param("seller", sellerAddress).param("user", user).param("type", terms.type().name()).param("start", decimal(terms.startPrice()))
          .param("floor", decimal(terms.floorPrice())).param("buyNow", decimal(terms.buyNowPrice())).param("startsAt", Timestamp.from(terms.startsAt()))
          .param("duration", terms.duration().toMillis()).param("increment", terms.minIncrementBps())
          .param("extension", terms.extensionWindow().toMillis()).param("now", Timestamp.from(now))
          .update();
    } catch (DuplicateKeyException e) {
      throw new AuctionProblems.AlreadyOnAuction(collection + "/" + tokenId);
    }
    log.info("auction created auctionId={} type={} collection={} tokenId={} seller={}", id, terms.type(), collection, tokenId, sellerAddress);
    return registry.find(id).orElseThrow().auction();
  }

  private static BigInteger amount(NewAuction request, TokenStandard standard) {
    BigInteger amount;
    try {
      amount = request.amount() == null ? BigInteger.ONE : AuctionInputs.tokenId(request.amount());
    } catch (AuctionProblems.InvalidAuction e) {
      throw new AuctionProblems.InvalidAuction("amount must be a whole number of copies");
    }
    if (standard == TokenStandard.ERC721 ? !amount.equals(BigInteger.ONE) : amount.signum() <= 0) {
      throw new AuctionProblems.InvalidAuction("amount must be 1 for an ERC-721 token and at least 1 copy of an ERC-1155 token; was " + amount);
    }
    return amount;
  }

  /** An amount of the auction's terms: its mistakes are the auction's, not a bid's. */
  private static @Nullable BigInteger price(String weiField, @Nullable String wei, String decimalField, @Nullable String decimal, boolean required) {
    try {
      return AuctionInputs.amount(weiField, wei, decimalField, decimal, required);
    } catch (AuctionProblems.InvalidBid e) {
      throw new AuctionProblems.InvalidAuction(e.detail());
    }
  }

  private AuctionTerms terms(NewAuction request, Instant now) {
    AuctionType type;
    try {
      type = request.type() == null ? AuctionType.RESERVE : AuctionType.valueOf(request.type().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new AuctionProblems.InvalidAuction("type must be RESERVE, ENGLISH or DUTCH");
    }
    BigInteger start = price("startPriceWei", request.startPriceWei(), "startPrice", request.startPrice(), true);
    BigInteger floor = price("floorPriceWei", request.floorPriceWei(), "floorPrice", request.floorPrice(), false);
    BigInteger buyNow = price("buyNowPriceWei", request.buyNowPriceWei(), "buyNowPrice", request.buyNowPrice(), false);
    Instant startsAt = type == AuctionType.RESERVE || request.startsAt() == null ? now : request.startsAt();
    if (type == AuctionType.RESERVE && request.startsAt() != null) {
      throw new AuctionProblems.InvalidAuction("a reserve auction opens when it is created; its clock starts with the first bid");
    }
    if (startsAt.isBefore(now.minusSeconds(60))) {
      throw new AuctionProblems.InvalidAuction("startsAt must not be in the past");
    }
    Duration duration = request.duration() != null ? request.duration()
        : type == AuctionType.RESERVE ? properties.reserveDuration() : required("duration");
    return new AuctionTerms(type, start, floor, buyNow, startsAt, duration,
        request.minIncrementBps() == null ? properties.minIncrementBps() : request.minIncrementBps(),
        request.extensionWindow() == null ? properties.extensionWindow() : request.extensionWindow());
  }

  private static Duration required(String field) {
    throw new AuctionProblems.InvalidAuction(field + " is required for this type of auction");
  }

  private static @Nullable BigDecimal decimal(@Nullable BigInteger wei) {
    return wei == null ? null : new BigDecimal(wei);
  }
}
