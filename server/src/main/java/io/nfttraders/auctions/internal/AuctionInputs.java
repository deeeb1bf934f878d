package io.nfttraders.auctions.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.InvalidAddress;
import io.nfttraders.platform.EtherDecimals;
import java.math.BigInteger;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Checks of the values clients send to the auction commands. */
final class AuctionInputs {

  private static final Pattern UINT = Pattern.compile("[0-9]{1,78}");
  private static final BigInteger MAX_UINT = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);

  private AuctionInputs() {}

  /** An auction's address (lower-case); a mixed-case one must carry a correct EIP-55 checksum. */
  static String address(String field, @Nullable String value) {
    return address(field, value, AuctionProblems.InvalidAuction::new);
  }

  /** A self-custody bidder's address (lower-case), checked like {@link #address}; a malformed one is an invalid bid. */
  static String bidder(@Nullable String value) {
    return address("bidder", value, AuctionProblems.InvalidBid::new);
  }

  private static String address(String field, @Nullable String value, Function<String, ? extends RuntimeException> invalid) {
    try {
      return Address.parse(value).hex();
    } catch (InvalidAddress e) {
      throw invalid.apply(field + ": " + e.reason());
    }
  }

  static BigInteger tokenId(@Nullable String value) {
    if (value == null || !UINT.matcher(value).matches() || new BigInteger(value).compareTo(MAX_UINT) > 0) {
      throw new AuctionProblems.InvalidAuction("tokenId must be a non-negative integer below 2^256");
    }
    return new BigInteger(value);
  }

  /** An unsigned 256-bit integer given in decimal. */
  static BigInteger uint(String field, @Nullable String value) {
    if (value == null || !UINT.matcher(value).matches() || new BigInteger(value).compareTo(MAX_UINT) > 0) {
      throw new AuctionProblems.InvalidBid(field + " must be a non-negative integer below 2^256");
    }
    return new BigInteger(value);
  }

  static UUID auctionId(@Nullable String value) {
    try {
      return UUID.fromString(String.valueOf(value));
    } catch (IllegalArgumentException e) {
      throw new AuctionProblems.InvalidInput("an auction id is a UUID");
    }
  }

  /**
   * A positive amount given exactly once: as wei ({@code weiField}) or as a decimal of ether
   * ({@code decimalField}); null if neither is given and the amount is optional.
   */
  static @Nullable BigInteger amount(String weiField, @Nullable String wei, String decimalField, @Nullable String decimal, boolean required) {
    if (wei == null && decimal == null && !required) {
      return null;
    }
    if ((wei == null) == (decimal == null)) {
      throw new AuctionProblems.InvalidBid("give exactly one of " + weiField + " (an integer of wei) and " + decimalField + " (a decimal in WETH)");
    }
    BigInteger amount;
    if (wei != null) {
      if (!UINT.matcher(wei).matches()) {
        throw new AuctionProblems.InvalidBid(weiField + " must be a positive integer of wei");
      }
      amount = new BigInteger(wei);
    } else {
      amount = EtherDecimals.toWei(decimal).orElseThrow(() -> new AuctionProblems.InvalidBid(
          decimalField + " must be a decimal with at most 18 fraction digits, was " + decimal));
    }
    if (amount.signum() <= 0 || amount.bitLength() > 128) {
      throw new AuctionProblems.InvalidBid(weiField + " must be positive and below 2^128");
    }
    return amount;
  }
}
