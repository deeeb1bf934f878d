package io.nfttraders.market;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.TokenRef;
import io.nfttraders.ethereum.TypedData;
import io.nfttraders.ethereum.Wei;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Sales agreed elsewhere (an auction's winning bid) made through the exchange like any accepted
 * offer: the buyer's WETH offer at the agreed price, then the seller's custodial wallet accepts it.
 * The offer is signed by the buyer's custodial wallet, or by the buyer's own key beforehand (a
 * {@link SignedOffer}). Fees, royalties, the trade record and the settlement's follow-up are the market's.
 */
public interface OfferSales {

  /** Whether the offer can be accepted now, is waiting (its allowance is being approved), or never will be as things stand. */
  enum OfferReadiness { READY, WAITING, UNFILLABLE }

  record OfferState(OfferReadiness readiness, @Nullable String reason) {}

  enum TradeOutcome { SETTLING, SETTLED, FAILED }

  record TradeState(TradeOutcome outcome, @Nullable String failure, UUID transactionId) {}

  /**
   * Places the buyer's WETH offer for the token (so many copies of an ERC-1155 token) at the price, signed by the buyer's custodial
   * wallet, and returns its hash. Commits with the caller's transaction.
   *
   * @throws SaleRefused BUYER_CANNOT_PAY if the buyer's WETH does not cover the price
   */
  String offer(UUID buyerUser, TokenRef token, BigInteger amount, Wei price);

  /**
   * A WETH offer its buyer signed with their own key: the exchange's EIP-712 {@code Order} with
   * side BUY, currency WETH, startTime 0 and these fields.
   *
   * @param maker the buyer's address
   * @param amount copies of an ERC-1155 token; 1 for an ERC-721 token
   * @param signature the maker's 65-byte signature (r, s, v), hex
   */
  record SignedOffer(Address maker, TokenRef token, BigInteger amount, Wei price, Instant endTime, BigInteger salt, BigInteger counter, String signature) {}

  /** The counter the maker's signed orders must carry now (the exchange's, as indexed). */
  BigInteger counter(Address maker);

  /** The EIP-712 typed data a buyer signs for such an offer (its signature is not used). */
  TypedData typedData(SignedOffer offer);

  /**
   * Checks, without storing anything, that the offer could be filled as far as its signature goes:
   * signed by its maker for this exchange on this chain, with the maker's current counter, not expired.
   *
   * @throws InvalidOffer if not, saying why
   */
  void check(SignedOffer offer);

  /**
   * Places an offer the buyer signed; returns its hash. Commits with the caller's transaction.
   *
   * @throws SaleRefused BUYER_CANNOT_PAY if the offer is no longer valid (expired, or its signature refused)
   */
  String offer(UUID buyerUser, SignedOffer offer);

  OfferState offerState(String offerHash);

  /**
   * Has the seller's custodial wallet accept the offer; returns the trade's id. Commits with the
   * caller's transaction.
   *
   * @throws SaleRefused SELLER_NOT_OWNER if the seller's wallet no longer owns the token, OFFER_UNAVAILABLE if the offer cannot be taken now
   */
  UUID accept(UUID sellerUser, String offerHash);

  TradeState trade(UUID tradeId);

  /** A signed offer that the exchange would refuse. */
  final class InvalidOffer extends RuntimeException {

    public InvalidOffer(String detail) {
      super(detail, null, false, false);
    }
  }

  /** Why a sale could not go ahead: a fact about the parties, not a fault. */
  final class SaleRefused extends RuntimeException {

    public enum Reason { BUYER_CANNOT_PAY, SELLER_NOT_OWNER, OFFER_UNAVAILABLE }

    private final Reason reason;

    public SaleRefused(Reason reason, String detail) {
      super(detail, null, false, false);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }
}
