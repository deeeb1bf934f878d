package io.nfttraders.minting.internal;

import io.nfttraders.collections.CreatorCollection;
import io.nfttraders.ethereum.ChainId;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Where a mint goes: the platform's shared collection, or a collection of the creator's own. */
sealed interface MintTarget {

  /** The shared collection on {@code chain}: the token pays its creator {@code royaltyBps}, recorded by the mint call. */
  record Shared(int royaltyBps, ChainId chain) implements MintTarget {}

  /** The creator's own collection, whose royalty is the collection's; an ERC-1155 mint is an edition of {@code supply} copies. */
  record Own(CreatorCollection collection, BigInteger supply) implements MintTarget {}

  /** What a retry must repeat to be the same request. */
  default byte[] fingerprintPart() {
    String part = switch (this) {
      case Shared shared -> "royaltyBps=" + shared.royaltyBps() + ";chain=" + shared.chain().value();
      case Own own -> "collection=" + own.collection().address().hex() + ";supply=" + own.supply();
    };
    return part.getBytes(StandardCharsets.US_ASCII);
  }
}
