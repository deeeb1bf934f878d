package io.nfttraders.collections.internal;

import io.nfttraders.ethereum.Address;
import io.nfttraders.ethereum.InvalidAddress;
import io.nfttraders.ethereum.TokenStandard;
import io.nfttraders.platform.UnicodeText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A creator's collection as asked for, before any check. {@link #validated} says everything that is
 * wrong with it at once.
 */
record CollectionRequest(
    @Nullable String name,
    @Nullable String symbol,
    @Nullable String standard,
    @Nullable String royaltyReceiver,
    @Nullable Integer royaltyBps,
    @Nullable String description) {

  static final int MAX_NAME = 64;
  static final int MAX_DESCRIPTION = 2000;
  private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,16}");

  /** A checked request; {@code royaltyReceiver} null means the creator's own wallet. */
  record Valid(String name, String symbol, TokenStandard standard, @Nullable Address royaltyReceiver, int royaltyBps, @Nullable String description) {}

  Valid validated(int defaultRoyaltyBps, int maxRoyaltyBps) {
    List<String> errors = new ArrayList<>();
    String checkedName = text("name", name, MAX_NAME, false, errors);
    if (checkedName == null) {
      errors.add("name is required");
    }
    if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
      errors.add("symbol must be 1 to 16 ASCII letters and digits");
    }
    TokenStandard checkedStandard = null;
    if (standard == null || !List.of("ERC721", "ERC1155").contains(standard.toUpperCase(Locale.ROOT))) {
      errors.add("standard must be ERC721 or ERC1155");
    } else {
      checkedStandard = TokenStandard.valueOf(standard.toUpperCase(Locale.ROOT));
    }
    int bps = royaltyBps == null ? Math.min(defaultRoyaltyBps, maxRoyaltyBps) : royaltyBps;
    if (bps < 0 || bps > maxRoyaltyBps) {
      errors.add("royaltyBps must be 0 to " + maxRoyaltyBps + ", was " + bps);
    }
    Address receiver = royaltyReceiver(royaltyReceiver, errors);
    String checkedDescription = text("description", description, MAX_DESCRIPTION, true, errors);
    if (!errors.isEmpty()) {
      throw new CollectionProblems.InvalidCollection(errors);
    }
    return new Valid(checkedName, symbol, checkedStandard, receiver, bps, checkedDescription);
  }

  /** The royalty receiver asked for, if any; what is wrong with it goes to {@code errors}. */
  static @Nullable Address royaltyReceiver(@Nullable String text, List<String> errors) {
    if (text == null) {
      return null;
    }
    try {
      Address receiver = Address.parse(text);
      if (receiver.isZero()) {
        errors.add("royaltyReceiver must not be the zero address");
      }
      return receiver;
    } catch (InvalidAddress e) {
      errors.add("royaltyReceiver: " + e.reason());
      return null;
    }
  }

  private static @Nullable String text(String field, @Nullable String value, int max, boolean multiline, List<String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String stripped = value.strip();
    if (stripped.length() > max) {
      errors.add(field + " must be at most " + max + " characters");
    }
    UnicodeText.defect(stripped).ifPresent(defect -> errors.add(field + ": " + defect));
    if (!multiline && (stripped.contains("\n") || stripped.contains("\t"))) {
      errors.add(field + " must be one line");
    }
    return stripped;
  }
}
