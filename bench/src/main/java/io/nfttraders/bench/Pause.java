package io.nfttraders.bench;

/** Sleeping without checked exceptions: an interrupted benchmark stops as soon as it looks. */
final class Pause {

  private Pause() {}

  static void millis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
