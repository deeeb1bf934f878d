package io.nfttraders.market.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.InvalidAddress;
import io.nfttraders.ethereum.Wei;
import io.nfttraders.platform.EtherDecimals;
import io.nfttraders.platform.UnicodeText;
import java.math.BigInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks of the values clients send: addresses (EIP-55 when mixed-case), integers, exact amounts. */
final class Inputs {

  private static final Pattern UINT = Pattern.compile("[0-9]{1,78}");

  private Inputs() {}

  /** A client's address; a mixed-case one must carry a correct EIP-55 checksum. */
  static Address address(String field, @Nullable String value) {
    try {
      return Address.parse(value);
    } catch (InvalidAddress e) {
      throw new MarketProblems.InvalidAddress(field, e.reason());
    }
  }

  static BigInteger uint(String field, @Nullable String value) {
    if (value == null || !UINT.matcher(value).matches()) {
      throw new MarketProblems.InvalidOrder(field + " must be a non-negative integer");
    }
    BigInteger n = new BigInteger(value);
    if (n.compareTo(Wei.MAX.value()) > 0) {
      throw new MarketProblems.InvalidOrder(field + " exceeds uint256");
    }
    return n;
  }

  /**
   * Text to find in names: 3 to 100 characters once trimmed. A shorter text has no trigram for the
   * name index to look up, so finding it would read every listing.
   */
  static String searchText(String value) {
    String text = value.strip();
    if (text.length() < 3 || text.length() > 100) {
      throw new MarketProblems.InvalidOrder("search must be 3 to 100 characters");
    }
    UnicodeText.defect(text).ifPresent(defect -> {
      throw new MarketProblems.InvalidOrder("search " + defect);
    });
    return text;
  }

  /** A positive amount given exactly once: as wei ({@code weiField}) or as a decimal of ether ({@code decimalField}). */
  static BigInteger amount(String weiField, @Nullable String wei, String decimalField, @Nullable String decimal) {
    if ((wei == null) == (decimal == null)) {
      throw new MarketProblems.InvalidOrder("give exactly one of " + weiField + " (an integer of wei) and " + decimalField + " (a decimal in ETH)");
    }
    BigInteger amount;
    if (wei != null) {
      amount = uint(weiField, wei);
    } else {
      amount = EtherDecimals.toWei(decimal).orElseThrow(() -> new MarketProblems.InvalidOrder(
          decimalField + " must be a decimal with at most 18 fraction digits, was " + decimal));
    }
    if (amount.signum() <= 0 || amount.bitLength() > 128) {
      throw new MarketProblems.InvalidOrder(weiField + " must be positive and below 2^128");
    }
    return amount;
  }
}
