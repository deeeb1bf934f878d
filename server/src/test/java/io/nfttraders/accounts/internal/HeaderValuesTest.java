package io.nfttraders.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderValuesTest {

  @Test
  void agreesWithSpringSecuritysDefaultRuleOnEveryCodePoint() {
    List<Integer> disagreements = new ArrayList<>();
    for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
      String value = "Bearer " + Character.toString(c) + "x";
      if (HeaderValues.allowed(value) != StrictHttpFirewall.ALLOWED_HEADER_VALUES.test(value)) {
        disagreements.add(c);
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void allowsTabsAndPrintableTextButNoOtherControlCharacters() {
    assertThat(HeaderValues.allowed("Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")).isTrue();
    assertThat(HeaderValues.allowed("a\tb")).isTrue();
    assertThat(HeaderValues.allowed("")).isTrue();
    assertThat(HeaderValues.allowed("a\nb")).isFalse();
    assertThat(HeaderValues.allowed("a\u0000b")).isFalse();
    assertThat(HeaderValues.allowed("a\u0085b")).isFalse();
    assertThat(HeaderValues.allowed("a\u0378b")).isFalse();
  }
}
