package io.nfttraders.collections.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.platform.UnicodeText;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a creator changes of their collection: its royalty (rate, receiver) and its description; absent fields stay. */
record CollectionChange(@Nullable String royaltyReceiver, @Nullable Integer royaltyBps, @Nullable String description) {

  /** A checked change; null fields stay as they are. */
  record Valid(@Nullable Address royaltyReceiver, @Nullable Integer royaltyBps, @Nullable String description) {}

  Valid validated(int maxRoyaltyBps) {
    List<String> errors = new ArrayList<>();
    if (royaltyReceiver == null && royaltyBps == null && description == null) {
      errors.add("name at least one of royaltyReceiver, royaltyBps and description");
    }
    if (royaltyBps != null && (royaltyBps < 0 || royaltyBps > maxRoyaltyBps)) {
      errors.add("royaltyBps must be 0 to " + maxRoyaltyBps + ", was " + royaltyBps);
    }
    Address receiver = CollectionRequest.royaltyReceiver(royaltyReceiver, errors);
    String text = description == null ? null : description.strip();
    if (text != null) {
      if (text.length() > CollectionRequest.MAX_DESCRIPTION) {
        errors.add("description must be at most " + CollectionRequest.MAX_DESCRIPTION + " characters");
      }
      UnicodeText.defect(text).ifPresent(defect -> errors.add("description: " + defect));
    }
    if (!errors.isEmpty()) {
      throw new CollectionProblems.InvalidCollection(errors);
    }
    return new Valid(receiver, royaltyBps, text);
  }
}
