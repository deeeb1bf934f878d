package io.nfttraders.market.internal;

import io.nfttraders.platform.ApiProblem;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** What a trading command can refuse, each with its own problem type. */
final class MarketProblems {

  private MarketProblems() {}

  static final class InvalidOrder extends ApiProblem {
    InvalidOrder(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-order", "Invalid order", detail);
    }
  }

  static final class InvalidAddress extends ApiProblem {
    InvalidAddress(String field, String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-address", "Invalid address", field + ": " + detail);
    }
  }

  static final class InvalidSignature extends ApiProblem {
    InvalidSignature(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-signature", "Invalid signature", detail);
    }
  }

  static final class OrderNotFound extends ApiProblem {
    OrderNotFound(String hash) {
      super(HttpStatus.NOT_FOUND, "order-not-found", "Order not found", "No order " + hash);
    }
  }

  static final class TradeNotFound extends ApiProblem {
    TradeNotFound(String id) {
      super(HttpStatus.NOT_FOUND, "trade-not-found", "Trade not found", "No trade " + id + " of yours");
    }
  }

  /** The order exists but cannot be taken now: someone else is buying it, it is sold, cancelled, expired or not valid on-chain. */
  static final class OrderUnavailable extends ApiProblem {
    private final String reason;

    OrderUnavailable(String hash, String reason, String detail) {
      super(HttpStatus.CONFLICT, "order-unavailable", "Order unavailable", "Order " + hash + " cannot be taken: " + detail);
      this.reason = reason;
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("reason", reason);
    }
  }

  static final class NotYourNft extends ApiProblem {
    NotYourNft(String detail) {
      super(HttpStatus.CONFLICT, "not-your-nft", "Not your NFT", detail);
    }
  }

  static final class NotYourOrder extends ApiProblem {
    NotYourOrder(String hash) {
      super(HttpStatus.FORBIDDEN, "not-your-order", "Not your order", "Order " + hash + " was made by another account");
    }
  }

  static final class OwnOrder extends ApiProblem {
    OwnOrder(String hash) {
      super(HttpStatus.CONFLICT, "own-order", "Own order", "Order " + hash + " is your own; cancel it instead");
    }
  }

  static final class InsufficientFunds extends ApiProblem {
    InsufficientFunds(String detail) {
      super(HttpStatus.CONFLICT, "insufficient-funds", "Insufficient funds", detail);
    }
  }

  static final class NoWallet extends ApiProblem {
    NoWallet() {
      super(HttpStatus.CONFLICT, "no-custodial-wallet", "No custodial wallet", "This account has no custodial wallet to trade with");
    }
  }

  static final class UnknownNft extends ApiProblem {
    UnknownNft(String what) {
      super(HttpStatus.NOT_FOUND, "nft-not-found", "NFT not found", "No indexed token " + what);
    }
  }
}
