package io.nfttraders.platform;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/** Amounts of ether (or WETH) typed as decimals by clients, in wei. */
public final class EtherDecimals {

  /**
   * Far above any amount the API takes (2^128 wei is about 3.4e20 ether), and refused before the
   * decimal is scaled: "1e300000000" would otherwise be turned into a billion-bit integer.
   */
  private static final int MAX_INTEGER_DIGITS = 40;
  private static final int WEI_DIGITS = 18;
  /** ASCII digits only: BigDecimal also reads other scripts' digits, so "١٢" would be 12. */
  private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

  private EtherDecimals() {}

  /** The wei in {@code decimal} ether; empty unless it is a decimal with at most 18 fraction digits (and at most 40 integer digits). */
  public static Optional<BigInteger> toWei(String decimal) {
    String text = decimal.strip();
    if (!DECIMAL.matcher(text).matches()) {
      return Optional.empty();
    }
    BigDecimal value;
    try {
      value = new BigDecimal(text).stripTrailingZeros();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (value.scale() > WEI_DIGITS || value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
      return Optional.empty();
    }
    return Optional.of(value.movePointRight(WEI_DIGITS).toBigIntegerExact());
  }
}
