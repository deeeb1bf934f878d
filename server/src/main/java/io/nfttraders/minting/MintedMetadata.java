package io.nfttraders.minting;

import io.nfttraders.ethereum.TokenRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The metadata a user minted through us, by token: what a listing shows (its name) and what
 * listings are filtered by (attributes). Tokens minted elsewhere have none here.
 */
public interface MintedMetadata {

  /** An attribute as the metadata has it; the value as text ("3" for the number 3). */
  record Attribute(String traitType, String value) {}

  record Metadata(String name, @Nullable String description, @Nullable String imageCid, List<Attribute> attributes) {}

  Optional<Metadata> of(TokenRef token);

  /** Of many tokens at once, in a fixed number of queries; tokens without metadata here are left out. */
  Map<TokenRef, Metadata> of(List<TokenRef> tokens);
}
