package io.nfttraders.accounts.internal;

import io.nfttraders.platform.UnicodeText;
import java.util.Locale;
import java.util.Set;

/**
 * NIST SP 800-63B style: long enough, not absurdly long (Argon2 input), not a well-known password
 * and not the email itself. No composition rules beyond that.
 */
final class PasswordPolicy {

  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 128;
  private static final Set<String> COMMON = Set.of(
      "password", "password1", "password123", "1234567890", "12345678910", "123456789a", "qwertyuiop", "qwerty1234",
      "iloveyou12", "letmein123", "welcome123", "admin12345", "abc1234567", "passw0rd12", "trustno1trustno1",
      "0123456789", "1111111111", "aaaaaaaaaa", "football12", "baseball12", "dragon1234", "monkey1234",
      "sunshine12", "princess12", "starwars12", "changeme12", "whatever12", "superman12");

  private PasswordPolicy() {}

  /**
   * What no password can be, at sign-in too: text the hash function cannot take (a lone surrogate
   * has no UTF-8). Control characters are refused only for new passwords: older ones may hold them.
   */
  static void checkHashable(String password) {
    if (UnicodeText.hasLoneSurrogate(password)) {
      throw new AuthProblems.MalformedPassword();
    }
  }

  static void check(String password, String email) {
    if (UnicodeText.defect(password).isPresent()) {
      throw new AuthProblems.MalformedPassword();
    }
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      throw new AuthProblems.WeakPassword("The password must have at least " + MIN_LENGTH + " characters");
    }
    if (length > MAX_LENGTH) {
      throw new AuthProblems.WeakPassword("The password must have at most " + MAX_LENGTH + " characters");
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
      throw new AuthProblems.WeakPassword("The password is too common or too repetitive");
    }
    if (lower.contains(email.toLowerCase(Locale.ROOT)) || lower.equals(email.substring(0, email.indexOf('@')).toLowerCase(Locale.ROOT))) {
      throw new AuthProblems.WeakPassword("The password must not contain the email address");
    }
  }
}
