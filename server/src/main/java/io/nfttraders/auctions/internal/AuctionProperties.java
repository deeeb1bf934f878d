package io.nfttraders.auctions.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults for new auctions (Foundation's), and how the engine runs.
 *
 * @param reserveDuration a reserve auction's clock, started by its first bid at or above the reserve
 * @param minIncrementBps how much a bid must beat the leading one by, in basis points
 * @param extensionWindow a bid this close to the end moves the end to this long after it
 * @param durableTimeout how long a bid waits for its event to be stored before it is answered as not recorded
 * @param closePoll how often auctions past their end are looked for and closed
 * @param settlementPoll how often ended auctions' settlements take their next step
 * @param offerTimeout how long a winning bid's offer may wait to become valid (its WETH allowance being approved)
 * @param arrivalWindow how long a bid waits after reaching the server before it is decided, so that bids are decided in the
 *     order they arrived even when request threads reach the auction out of that order (zero: decide at once)
 * @param fallBackToNextBid whether a winner who cannot pay passes the sale to the next highest bidder (else: unsold)
 */
@ConfigurationProperties("nft.auctions")
record AuctionProperties(
    @DefaultValue("24h") Duration reserveDuration,
    @DefaultValue("1000") int minIncrementBps,
    @DefaultValue("15m") Duration extensionWindow,
    @DefaultValue("10s") Duration durableTimeout,
    @DefaultValue("100ms") Duration closePoll,
    @DefaultValue("500ms") Duration settlementPoll,
    @DefaultValue("2m") Duration offerTimeout,
    @DefaultValue("true") boolean fallBackToNextBid,
    @DefaultValue("2ms") Duration arrivalWindow) {}
