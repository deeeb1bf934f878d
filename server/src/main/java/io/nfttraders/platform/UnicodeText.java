package io.nfttraders.platform;

import java.util.Optional;

/**
 * Whether a client's text is well-formed Unicode that is safe to store and show: no lone UTF-16
 * surrogate (it has no UTF-8 encoding, PostgreSQL refuses it, browsers render it as a replacement
 * character), and no control character other than newline and tab (a NUL ends a C string;
 * PostgreSQL refuses it too; the others are invisible or rewrite a terminal).
 */
public final class UnicodeText {

  private UnicodeText() {}

  /** Whether {@code text} has a UTF-16 surrogate without its pair: text that has no UTF-8 encoding at all. */
  public static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Why {@code text} is not well-formed, naming the first offending character's position; empty if it is. */
  public static Optional<String> defect(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return Optional.of("has a lone UTF-16 surrogate at character " + i);
      } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
        return Optional.of("has the control character U+%04X at character %d".formatted((int) c, i));
      }
    }
    return Optional.empty();
  }
}
