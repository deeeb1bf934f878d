package io.nfttraders.metadata;

import io.nfttraders.ethereum.TokenRef;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What tokens minted elsewhere say about themselves, as far as it was fetched. */
public interface ForeignMetadata {

  enum State { PENDING, FETCHED, BROKEN }

  /** An attribute as the metadata has it; the value as text. */
  record Attribute(String traitType, String value) {}

  /**
   * @param imageCid the image as copied into our content store; null when there is none, or it was refused
   * @param problem why the metadata (or its image) could not be had, as plain text; null when nothing went wrong
   */
  record TokenMetadata(State state, @Nullable String name, @Nullable String description, @Nullable String imageCid, List<Attribute> attributes,
      @Nullable String problem) {

    public TokenMetadata {
      attributes = List.copyOf(attributes);
    }

    /** Whether a fetch ever gave content: kept (and shown) while a refresh is pending or after it failed. */
    public boolean hasContent() {
      return state == State.FETCHED || name != null || description != null || imageCid != null || !attributes.isEmpty();
    }
  }

  /** Of many tokens at once; tokens not queued for metadata here (ours, or not indexed) are left out. */
  Map<TokenRef, TokenMetadata> of(List<TokenRef> tokens);
}
