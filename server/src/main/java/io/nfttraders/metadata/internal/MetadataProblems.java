package io.nfttraders.metadata.internal;

import io.nfttraders.platform.ApiProblem;
import io.nfttraders.platform.TooManyRequests;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The metadata module's client-visible failures. */
final class MetadataProblems {

  private MetadataProblems() {}

  static final class NotQueued extends ApiProblem {
    NotQueued(String what) {
      super(HttpStatus.NOT_FOUND, "nft-not-found", "NFT not found",
          "No token " + what + " whose metadata is read from its contract (it is unknown, or minted through us)");
    }
  }

  static final class RefreshTooSoon extends TooManyRequests {
    RefreshTooSoon(Duration retryAfter) {
      super("metadata-refresh-too-soon", "Metadata refreshed recently", "This token's metadata was refreshed a moment ago; ask again later",
          retryAfter);
    }
  }
}
