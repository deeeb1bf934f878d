package io.nfttraders.content.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a {@code Range} header asks of a representation of {@code size} bytes, as far as we
 * honour it: one byte range. Several ranges, other units and malformed headers are ignored, so
 * the whole representation is sent, as RFC 9110 (14.2) allows.
 */
sealed interface ByteRange {

  /** No usable range: send everything with 200. */
  record Whole() implements ByteRange {}

  /** Send bytes {@code first} to {@code last} (inclusive) with 206. */
  record Part(long first, long last) implements ByteRange {
    long length() {
      return last - first + 1;
    }
  }

  /** A well-formed range that starts past the end: 416. */
  record Unsatisfiable() implements ByteRange {}

  Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

  static ByteRange parse(@Nullable String header, long size) {
    if (header == null) {
      return new Whole();
    }
    Matcher m = SINGLE.matcher(header.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return new Whole();
    }
    if (m.group(1).isEmpty()) {
      long suffix = number(m.group(2));
      return suffix == 0 || size == 0 ? new Unsatisfiable() : new Part(Math.max(0, size - suffix), size - 1);
    }
    long first = number(m.group(1));
    long last = m.group(2).isEmpty() ? Long.MAX_VALUE : number(m.group(2));
    if (last < first) {
      return new Whole();
    }
    return first >= size ? new Unsatisfiable() : new Part(first, Math.min(last, size - 1));
  }

  /** Digits beyond any file size mean "past the end", not an overflow. */
  private static long number(String digits) {
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }
}
