package io.nfttraders.minting.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

final class MintProblems {

  private MintProblems() {}

  static final class InvalidMetadata extends ApiProblem {
    private final List<String> errors;

    InvalidMetadata(List<String> errors) {
      super(HttpStatus.BAD_REQUEST, "invalid-metadata", "Invalid metadata", "The metadata does not follow the ERC-721 metadata conventions: " + String.join("; ", errors));
      this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("errors", errors);
    }
  }

  static final class MissingPart extends ApiProblem {
    MissingPart(String part) {
      super(HttpStatus.BAD_REQUEST, "missing-part", "Missing part", "The multipart request needs a part named '" + part + "'");
    }
  }

  static final class BatchMismatch extends ApiProblem {
    BatchMismatch(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-batch", "Invalid batch", detail);
    }
  }

  static final class InvalidRoyalty extends ApiProblem {
    private final int maxBps;

    InvalidRoyalty(String detail, int maxBps) {
      super(HttpStatus.BAD_REQUEST, "invalid-royalty", "Invalid royalty", detail);
      this.maxBps = maxBps;
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("maxRoyaltyBps", maxBps);
    }
  }

  static final class InvalidTarget extends ApiProblem {
    InvalidTarget(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-mint-target", "Invalid mint target", detail);
    }
  }

  static final class NotYourCollection extends ApiProblem {
    NotYourCollection(Address collection) {
      super(HttpStatus.FORBIDDEN, "not-collection-owner", "Not the collection's owner", "Only the creator of " + collection.checksummed() + " mints into it");
    }
  }

  static final class CollectionNotCreatedYet extends ApiProblem {
    CollectionNotCreatedYet(Address collection) {
      super(HttpStatus.CONFLICT, "collection-not-created-yet", "Collection not created yet",
          "The transaction creating " + collection.checksummed() + " is not mined yet; mint once the collection is CREATED");
    }
  }

  static final class NoWallet extends ApiProblem {
    NoWallet() {
      super(HttpStatus.CONFLICT, "no-custodial-wallet", "No custodial wallet", "This account has no custodial wallet to mint with");
    }
  }

  static final class NftNotFound extends ApiProblem {
    NftNotFound(String what) {
      super(HttpStatus.NOT_FOUND, "nft-not-found", "NFT not found", "No indexed token " + what);
    }
  }

  static final class InvalidVoucher extends ApiProblem {
    InvalidVoucher(String detail) {
      super(HttpStatus.BAD_REQUEST, "invalid-mint-voucher", "Invalid mint voucher", detail);
    }
  }

  static final class VoucherNotFound extends ApiProblem {
    VoucherNotFound(String id) {
      super(HttpStatus.NOT_FOUND, "mint-voucher-not-found", "Mint voucher not found", "No lazy mint " + id);
    }
  }

  /** The voucher cannot be bought now: redeemed, being redeemed, expired, or at another price than the buyer agreed to. */
  static final class VoucherUnavailable extends ApiProblem {
    private final String reason;

    VoucherUnavailable(String reason, String detail) {
      super(HttpStatus.CONFLICT, "mint-voucher-unavailable", "Mint voucher unavailable", detail);
      this.reason = reason;
    }

    @Override
    public java.util.Map<String, Object> properties() {
      return java.util.Map.of("reason", reason);
    }
  }
}
