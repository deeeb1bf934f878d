package io.nfttraders.ethereum;

/** An ERC-2981 royalty: {@code bps} basis points (10,000 = the whole price) of every sale, paid to {@code receiver}. */
public record Royalty(Address receiver, int bps) {

  public static final int WHOLE_PRICE_BPS = 10_000;

  public Royalty {
    if (bps < 0 || bps > WHOLE_PRICE_BPS) {
      throw new IllegalArgumentException("a royalty is 0 to " + WHOLE_PRICE_BPS + " basis points, was " + bps);
    }
  }
}
