package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it. {@code active} means fillable right now; otherwise
 * {@code inactiveReason} says why (BEING_FILLED, FILLED, CANCELLED, EXPIRED, NOT_STARTED, NOT_OWNER,
 * NOT_APPROVED, INSUFFICIENT_WETH, INSUFFICIENT_ALLOWANCE, STALE_COUNTER, UNCHECKED...).
 *
 * @param amount copies of an ERC-1155 token the order moves; "1" for an ERC-721 token
 */
record OrderView(
    String hash,
    String side,
    String maker,
    String collection,
    String tokenId,
    String standard,
    String amount,
    String currency,
    String priceWei,
    String price,
    Instant startTime,
    @Nullable Instant endTime,
    String state,
    boolean active,
    @Nullable String inactiveReason,
    @Nullable String name,
    Instant createdAt) {

  static OrderView of(OrderRow row, String wethAddress, Instant now) {
    ExchangeOrder o = row.order();
    String reason = row.unavailableReason(now);
    return new OrderView(row.hash(), o.side().name(), Address.of(o.maker()).checksummed(), Address.of(o.collection()).checksummed(),
        o.tokenId().toString(), o.standard().name(), o.amount().toString(), currencyName(o.currency(), wethAddress), o.price().toString(), ether(o.price()),
        Instant.ofEpochSecond(o.startTime()), o.endTime() == 0 ? null : Instant.ofEpochSecond(o.endTime()), row.state(), reason == null, reason,
        row.name(), row.createdAt());
  }

  static String currencyName(String currency, String wethAddress) {
    if (currency.equals(ExchangeOrder.ETH)) {
      return "ETH";
    }
    return currency.equalsIgnoreCase(wethAddress) ? "WETH" : Address.of(currency).checksummed();
  }

  /** Wei as an exact decimal amount of ether, without trailing zeros. */
  static String ether(java.math.BigInteger wei) {
    return new BigDecimal(wei).movePointLeft(18).stripTrailingZeros().toPlainString();
  }
}
