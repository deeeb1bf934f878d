package io.nfttraders.auctions.internal;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An auction as a seller asks for it. Prices are exact: in wei ({@code ...Wei}, an integer) or in
 * WETH (a decimal), not both. Unset rules take the server's defaults (Foundation's: 24 h after the
 * first bid, 10% increments, 15 min extensions).
 *
 * @param amount copies of an ERC-1155 token to sell together (default 1); an ERC-721 auction sells its one token
 * @param type RESERVE (the default), ENGLISH or DUTCH
 * @param startPrice the reserve (RESERVE), the lowest first bid (ENGLISH) or the starting price (DUTCH)
 * @param floorPrice DUTCH: the price at the end
 * @param buyNowPrice ENGLISH, optional
 * @param startsAt ENGLISH and DUTCH: when bidding opens (default: now)
 * @param duration RESERVE: the clock after the first bid; ENGLISH and DUTCH: start to end (ISO-8601, e.g. PT24H)
 */
record NewAuction(String collection, String tokenId, @Nullable String amount, @Nullable String type, @Nullable String startPriceWei,
    @Nullable String startPrice,
    @Nullable String floorPriceWei, @Nullable String floorPrice, @Nullable String buyNowPriceWei, @Nullable String buyNowPrice,
    @Nullable Instant startsAt, @Nullable Duration duration, @Nullable Integer minIncrementBps, @Nullable Duration extensionWindow) {}
