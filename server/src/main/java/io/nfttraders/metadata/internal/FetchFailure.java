package io.nfttraders.metadata.internal;

/**
 * Why a token's metadata (or its image) could not be had. A passing failure (a timeout, an
 * overloaded server, a node that did not answer) is tried again later; any other is final until the
 * token's metadata is refreshed.
 */
final class FetchFailure extends Exception {

  private final boolean passing;

  private FetchFailure(String reason, boolean passing, Throwable cause) {
    super(reason, cause, false, false);
    this.passing = passing;
  }

  static FetchFailure passing(String reason, Throwable cause) {
    return new FetchFailure(reason, true, cause);
  }

  static FetchFailure passing(String reason) {
    return new FetchFailure(reason, true, null);
  }

  static FetchFailure broken(String reason) {
    return new FetchFailure(reason, false, null);
  }

  static FetchFailure broken(String reason, Throwable cause) {
    return new FetchFailure(reason, false, cause);
  }

  boolean isPassing() {
    return passing;
  }
}
