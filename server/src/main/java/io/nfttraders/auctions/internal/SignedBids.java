package io.nfttraders.auctions.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.market.OfferSales;
import io.nfttraders.market.OfferSales.SignedOffer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Bids signed with the bidder's own key (self-custody). Such a bid is the bidder's WETH offer for
 * the auctioned token at the bid amount, signed as the exchange's EIP-712 order; it is checked
 * and stored before the sequencer decides the bid, so every accepted signed bid can be settled
 * with the bidder's own signature.
 */
@Component
class SignedBids {

  private final OfferSales sales;
  private final JdbcClient jdbc;
  private final Clock clock;

  SignedBids(OfferSales sales, JdbcClient jdbc, Clock clock) {
    this.sales = sales;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Checks the signed offer (made out for the auction's token) and stores it (a re-signed bid of the same amount replaces the earlier signature).
   *
   * @throws AuctionProblems.InvalidBidSignature if the exchange would refuse it
   */
  void store(Auction auction, SignedOffer offer) {
    try {
      sales.check(offer);
    } catch (OfferSales.InvalidOffer e) {
      throw new AuctionProblems.InvalidBidSignature(e.getMessage());
    }
    jdbc.sql("""
            insert into auction_signed_bids (auction_id, bidder, amount_wei, end_time, salt, counter, signature, created_at)
            values (:auction, :bidder, :amount, :end, :salt, :counter, :signature, :now)
            on conflict (auction_id, bidder, amount_wei) do update
              set end_time = excluded.end_time, salt = excluded.salt, counter = excluded.counter, signature = excluded.signature,
                  created_at = excluded.created_at
            """)
        .param("auction", auction.id()).param("bidder", offer.maker().hex()).param("amount", new BigDecimal(offer.price().value()))
        .param("end", Timestamp.from(offer.endTime())).param("salt", new BigDecimal(offer.salt())).param("counter", new BigDecimal(offer.counter()))
        .param("signature", offer.signature()).param("now", Timestamp.from(clock.instant()))
        .update();
  }

  /** The signed offer behind the bidder's bid of this amount, if they signed it themselves. */
  Optional<SignedOffer> of(Auction auction, String bidder, BigInteger amount) {
    return jdbc.sql("""
            select end_time, salt, counter, signature from auction_signed_bids
            where auction_id = :auction and bidder = :bidder and amount_wei = :amount
            """)
        .param("auction", auction.id()).param("bidder", bidder).param("amount", new BigDecimal(amount))
        .query((rs, n) -> new SignedOffer(Address.of(bidder), auction.token(), auction.amount(), Wei.of(amount), rs.getTimestamp(1).toInstant(),
            rs.getBigDecimal(2).toBigIntegerExact(), rs.getBigDecimal(3).toBigIntegerExact(), rs.getString(4)))
        .optional();
  }
}
