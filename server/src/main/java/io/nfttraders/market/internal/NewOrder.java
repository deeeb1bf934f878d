package io.nfttraders.market.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A listing or an offer as a client asks for it. The price is exact: {@code priceWei} (an integer)
 * or {@code price} (a decimal in ETH or WETH), not both. Custodial makers leave the last four fields
 * empty and the server signs; a maker holding their own key sends {@code maker}, {@code salt},
 * {@code counter} and their EIP-712 {@code signature} of the resulting order.
 *
 * @param amount copies of an ERC-1155 token (default 1); an ERC-721 order is for its one token
 * @param currency "ETH" (listings only, the default for them) or "WETH" (the default for offers)
 */
record NewOrder(
    String collection,
    String tokenId,
    @Nullable String amount,
    @Nullable String priceWei,
    @Nullable String price,
    @Nullable String currency,
    @Nullable Instant startTime,
    @Nullable Instant endTime,
    @Nullable String maker,
    @Nullable String salt,
    @Nullable String counter,
    @Nullable String signature) {}
