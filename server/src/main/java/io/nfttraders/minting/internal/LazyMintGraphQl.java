package io.nfttraders.minting.internal;

import io.nfttraders.ethereum.Address;
import java.time.Instant;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Lazy mints on sale, for Explore: {@code openLazyMints}. */
@Controller
class LazyMintGraphQl {

  /** A lazy mint as a card shows it. */
  record LazyMintCard(String id, String name, String image, String creator, String collection, String priceWei, String endTime) {}

  private final LazyMints lazyMints;

  LazyMintGraphQl(LazyMints lazyMints) {
    this.lazyMints = lazyMints;
  }

  @QueryMapping
  List<LazyMintCard> openLazyMints(@Argument int first) {
    if (first < 1 || first > 100) {
      throw new MintProblems.InvalidVoucher("first must be between 1 and 100");
    }
    return lazyMints.onSale(first).stream()
        .map(stored -> new LazyMintCard(stored.id().toString(), stored.name(), "/ipfs/" + stored.imageCid(), Address.of(stored.voucher().creator()).checksummed(),
            Address.of(stored.voucher().collection()).checksummed(), stored.voucher().price().toString(),
            Instant.ofEpochSecond(stored.voucher().endTime()).toString()))
        .toList();
  }
}
