package io.nfttraders.collections.internal;

import io.nfttraders.platform.ApiProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

final class CollectionProblems {

  private CollectionProblems() {}

  static final class InvalidCollection extends ApiProblem {
    private final List<String> errors;

    InvalidCollection(List<String> errors) {
      super(HttpStatus.BAD_REQUEST, "invalid-collection", "Invalid collection", "The collection cannot be created as asked: " + String.join("; ", errors));
      this.errors = List.copyOf(errors);
    }

    @Override
    public Map<String, Object> properties() {
      return Map.of("errors", errors);
    }
  }

  static final class CollectionNotFound extends ApiProblem {
    CollectionNotFound(String what) {
      super(HttpStatus.NOT_FOUND, "collection-not-found", "Collection not found", "No creator's collection " + what);
    }
  }

  static final class NotTheCollectionsOwner extends ApiProblem {
    NotTheCollectionsOwner() {
      super(HttpStatus.FORBIDDEN, "not-collection-owner", "Not the collection's owner", "Only the collection's creator may change it");
    }
  }

  static final class NotCreatedYet extends ApiProblem {
    NotCreatedYet(io.nfttraders.ethereum.Address collection) {
      super(HttpStatus.CONFLICT, "collection-not-created-yet", "Collection not created yet",
          "The transaction creating " + collection.checksummed() + " is not mined yet; change it once the collection is CREATED");
    }
  }

  static final class NoWallet extends ApiProblem {
    NoWallet() {
      super(HttpStatus.CONFLICT, "no-custodial-wallet", "No custodial wallet", "This account has no custodial wallet to create a collection with");
    }
  }
}
