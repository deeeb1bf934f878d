package io.nfttraders.auctions.internal;

import io.nfttraders.platform.ApiProblem;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** What an auction command can refuse, each with its own problem type. */
final class AuctionProblems {

  private AuctionProblems() {}

  static final class InvalidAuction extends ApiProblem {
    InvalidAuction(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-auction", "Invalid auction", detail);
    }
  }

  /** A malformed id or argument that is not about a bid or an auction's terms. */
  static final class InvalidInput extends ApiProblem {
    InvalidInput(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
    }
  }

  static final class InvalidBid extends ApiProblem {
    InvalidBid(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-bid", "Invalid bid", detail);
    }
  }

  /** A self-custody bid whose signed offer the exchange would refuse. */
  static final class InvalidBidSignature extends ApiProblem {
    InvalidBidSignature(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-bid-signature", "Invalid bid signature", detail);
    }
  }

  static final class AuctionNotFound extends ApiProblem {
    AuctionNotFound(String id) {
      super(HttpStatus.NOT_FOUND, "auction-not-found", "Auction not found", "No auction " + id);
    }
  }

  static final class NotYourNft extends ApiProblem {
    NotYourNft(String detail) {
      super(HttpStatus.CONFLICT, "not-your-nft", "Not your NFT", detail);
    }
  }

  static final class AlreadyOnAuction extends ApiProblem {
    AlreadyOnAuction(String token) {
      super(HttpStatus.CONFLICT, "already-on-auction", "Already on auction", "Token " + token + " is already in an auction that has not finished");
    }
  }

  static final class NoWallet extends ApiProblem {
    NoWallet() {
      super(HttpStatus.CONFLICT, "no-custodial-wallet", "No custodial wallet", "This account has no custodial wallet to bid or sell with");
    }
  }

  /** The sequencer decided against the bid; {@code reason} is a stable {@link BidRejection}. */
  static final class BidRejected extends ApiProblem {
    private final BidRejection reason;
    private final @Nullable BigInteger minimumBid;
    private final long seq;

    BidRejected(BidRejection reason, String detail, @Nullable BigInteger minimumBid, long seq) {
      super(HttpStatus.CONFLICT, "bid-rejected", "Bid rejected", detail);
      this.reason = reason;
      this.minimumBid = minimumBid;
      this.seq = seq;
    }

    BidRejection reason() {
      return reason;
    }

    @Override
    public Map<String, Object> properties() {
      Map<String, Object> properties = new HashMap<>();
      properties.put("reason", reason.name());
      properties.put("seq", seq);
      if (minimumBid != null) {
        properties.put("minimumBidWei", minimumBid.toString());
      }
      return properties;
    }
  }

  /** The bid was decided but could not be made durable: it was not accepted, and may be sent again. */
  static final class BidNotRecorded extends ApiProblem {
    BidNotRecorded() {
      super(HttpStatus.SERVICE_UNAVAILABLE, "bid-not-recorded", "Bid not recorded",
          "The bid could not be stored, so it was not accepted; send it again");
    }

    @Override
    public Map<String, String> headers() {
      return Map.of("Retry-After", "1");
    }
  }

  /** The bid's event was still being stored when the wait ran out: it may or may not be in the auction's log. */
  static final class BidOutcomeUnknown extends ApiProblem {
    BidOutcomeUnknown(UUID auction, long seq) {
      super(HttpStatus.SERVICE_UNAVAILABLE, "bid-outcome-unknown", "Bid outcome unknown",
          "The bid was decided but storing it is taking too long; event " + seq + " of auction " + auction
              + " (GET /api/v1/auctions/" + auction + "/events) will show whether it was accepted");
    }
  }

  static final class InvalidWebhook extends ApiProblem {
    InvalidWebhook(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook", detail);
    }
  }

  static final class WebhookNotFound extends ApiProblem {
    WebhookNotFound(String id) {
      super(HttpStatus.NOT_FOUND, "webhook-not-found", "Webhook not found", "No webhook " + id + " of yours");
    }
  }

  static final class HoldConflict extends ApiProblem {
    HoldConflict(String detail) {
      super(HttpStatus.CONFLICT, "hold-conflict", "Hold conflict", detail);
    }
  }

  static final class NotYourAuction extends ApiProblem {
    NotYourAuction() {
      super(HttpStatus.FORBIDDEN, "not-your-auction", "Not your auction", "Only the auction's seller can cancel it");
    }
  }

  static final class CannotCancel extends ApiProblem {
    CannotCancel(String detail) {
      super(HttpStatus.CONFLICT, "auction-not-cancellable", "Auction cannot be cancelled", detail);
    }
  }

  static final class EventNotRecorded extends ApiProblem {
    EventNotRecorded() {
      super(HttpStatus.SERVICE_UNAVAILABLE, "event-not-recorded", "Event not recorded", "The change could not be stored; try again");
    }
  }

  static final class SignInRequired extends ApiProblem {
    SignInRequired() {
      super(HttpStatus.UNAUTHORIZED, "sign-in-required", "Sign-in required",
          "Your notifications need your access token in the WebSocket's connection_init payload: {\"accessToken\": \"...\"}");
    }
  }
}
