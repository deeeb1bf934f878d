package io.nfttraders.ethereum;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An amount of ether or of an 18-decimal token, in its smallest unit: a uint256. Its JSON is the
 * decimal string, since JSON numbers lose precision above 2^53 in most clients.
 */
public record Wei(BigInteger value) implements Comparable<Wei> {

  public static final Wei ZERO = new Wei(BigInteger.ZERO);
  /** The most a uint256 holds: what an unlimited allowance approves. */
  public static final Wei MAX = new Wei(Uint256.MAX);

  public Wei {
    Objects.requireNonNull(value, "value");
    if (!Uint256.holds(value)) {
      throw new IllegalArgumentException("an amount of wei is between 0 and 2^256 - 1, was " + value);
    }
  }

  public static Wei of(BigInteger value) {
    return new Wei(value);
  }

  public static Wei of(long value) {
    return new Wei(BigInteger.valueOf(value));
  }

  public Wei plus(Wei other) {
    return new Wei(value.add(other.value));
  }

  /** @throws IllegalArgumentException when {@code other} is larger: there is no negative amount */
  public Wei minus(Wei other) {
    return new Wei(value.subtract(other.value));
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  @Override
  public int compareTo(Wei other) {
    return value.compareTo(other.value);
  }

  @JsonValue
  @Override
  public String toString() {
    return value.toString();
  }
}
