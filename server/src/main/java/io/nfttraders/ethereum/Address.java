package io.nfttraders.ethereum;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.web3j.crypto.Keys;

/**
 * A 20-byte account or contract address. Kept in lower case, as logs and our tables hold it; shown
 * EIP-55 checksummed ({@link #checksummed()}, which is also its JSON and its {@code toString}).
 *
 * @param hex {@code 0x} and 40 lower-case hex digits
 */
public record Address(String hex) {

  public static final Address ZERO = new Address("0x0000000000000000000000000000000000000000");

  /** Bounds the remembered checksummed forms; a hot auction's few bidders recur in every event. */
  private static final int MAX_REMEMBERED = 100_000;
  private static final Map<String, String> CHECKSUMMED = new ConcurrentHashMap<>();

  /** Any case: the chain and our own tables are trusted to hold addresses, not to check their case. */
  public Address {
    Objects.requireNonNull(hex, "hex");
    if (!isHexAddress(hex)) {
      throw new InvalidAddress("expected 0x and 40 hex digits");
    }
    hex = hex.toLowerCase(Locale.ROOT);
  }

  /**
   * A client's address: any case, but a mixed-case one must carry a correct EIP-55 checksum, since a
   * wrong one is most likely a typo that would send value to nobody.
   *
   * @throws InvalidAddress when it is not an address or its checksum does not match
   */
  @JsonCreator
  public static Address parse(@Nullable String text) {
    if (text == null) {
      throw new InvalidAddress("expected 0x and 40 hex digits");
    }
    Address address = new Address(text);
    String digits = text.substring(2);
    boolean mixedCase = !digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT));
    if (mixedCase && !address.checksummed().equals(text)) {
      throw new InvalidAddress("the EIP-55 checksum does not match (a typo?)");
    }
    return address;
  }

  /** An address from the chain or our own tables, in any case. */
  public static Address of(String hex) {
    return new Address(hex);
  }

  /** The address in a 32-byte ABI word or log topic ({@code 0x} and 64 hex digits): its last 20 bytes. */
  public static Address fromWord(String word) {
    String digits = word.startsWith("0x") ? word.substring(2) : word;
    if (digits.length() != 64) {
      throw new InvalidAddress("expected a 32-byte word, got " + digits.length() / 2 + " bytes");
    }
    return new Address("0x" + digits.substring(24));
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  @JsonValue
  public String checksummed() {
    String known = CHECKSUMMED.get(hex);
    if (known != null) {
      return known;
    }
    if (CHECKSUMMED.size() >= MAX_REMEMBERED) {
      CHECKSUMMED.clear();
    }
    String checksummed = Keys.toChecksumAddress(hex);
    CHECKSUMMED.put(hex, checksummed);
    return checksummed;
  }

  @Override
  public String toString() {
    return checksummed();
  }

  private static boolean isHexAddress(String text) {
    if (text.length() != 42 || text.charAt(0) != '0' || text.charAt(1) != 'x') {
      return false;
    }
    for (int i = 2; i < 42; i++) {
      char c = text.charAt(i);
      boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hexDigit) {
        return false;
      }
    }
    return true;
  }
}
