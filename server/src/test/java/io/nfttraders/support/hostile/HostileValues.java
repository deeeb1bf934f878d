package io.nfttraders.support.hostile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Values no schema of ours allows, chosen by what a property is said to be: the JSON text that
 * replaces the property's value in a body, and the raw (already percent-encoded or not) text that
 * replaces a parameter in a URL. Every value here must be invalid for the property, or the suite
 * would change data with a valid request and blame the server.
 */
final class HostileValues {

  /** A value by name, as the bytes that go into the request (not necessarily valid UTF-8). */
  record Hostile(String name, byte[] bytes) {
    static Hostile of(String name, String text) {
      return new Hostile(name, text.getBytes(StandardCharsets.UTF_8));
    }
  }

  static final String TWO_256 = "115792089237316195423570985008687907853269984665640564039457584007913129639936";
  private static final String ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

  private HostileValues() {}

  /** Replacements for a JSON property of this schema whose valid value in the baseline is {@code valid} (null if absent). */
  static List<Hostile> json(Map<String, Object> schema, @Nullable Object valid, boolean required) {
    Set<String> types = Schemas.types(schema);
    List<Hostile> values = new ArrayList<>();
    if (types.size() > 1) {
      // a union (metadata attribute values: string, number or boolean): numbers out of any range, ill-formed text, structures
      values.addAll(numbers("number"));
      values.removeIf(h -> !h.name().contains("e400") && !h.name().contains("2^256"));
      values.addAll(illFormedText(valid));
      values.addAll(List.of(Hostile.of("object", "{\"a\":1}"), Hostile.of("array", "[]")));
      return values;
    }
    String type = types.isEmpty() ? "string" : types.iterator().next();
    switch (type) {
      case "integer", "number" -> values.addAll(numbers(type));
      case "boolean" -> values.addAll(List.of(Hostile.of("\"maybe\"", "\"maybe\""), Hostile.of("2", "2"), Hostile.of("object", "{}")));
      case "array" -> {
        values.addAll(List.of(Hostile.of("object", "{}"), Hostile.of("string", "\"x\""), Hostile.of("[1e400]", "[1e400]"),
            Hostile.of("[null]", "[null]"), Hostile.of("[\"\\ud800\"]", "[\"\\ud800\"]")));
        if (schema.get("maxItems") instanceof Integer max && valid instanceof List<?> list && !list.isEmpty()) {
          values.add(new Hostile((max + 1) + " items", repeated(Schemas.JSON.writeValueAsString(list.getFirst()), max + 1)));
        }
      }
      case "object" -> values.addAll(List.of(Hostile.of("array", "[]"), Hostile.of("string", "\"x\""), Hostile.of("1e400", "1e400")));
      default -> values.addAll(strings(schema, valid, required));
    }
    return values;
  }

  private static List<Hostile> numbers(String type) {
    List<Hostile> values = new ArrayList<>(List.of(Hostile.of("1e400", "1e400"), Hostile.of("-1e400", "-1e400"),
        Hostile.of("2^256", TWO_256), Hostile.of("-2^256", "-" + TWO_256), Hostile.of("\"NaN\"", "\"NaN\""),
        Hostile.of("\"Infinity\"", "\"Infinity\""), Hostile.of("true", "true"), Hostile.of("object", "{}"), Hostile.of("array", "[]")));
    if (type.equals("integer")) {
      values.add(Hostile.of("2^63", "9223372036854775808"));
      values.add(Hostile.of("1e-400", "1e-400"));
    }
    return values;
  }

  private static List<Hostile> strings(Map<String, Object> schema, @Nullable Object valid, boolean required) {
    int maxLength = schema.get("maxLength") instanceof Integer max ? max : 0;
    boolean numberLike = numberLike(schema, valid);
    List<Hostile> values = new ArrayList<>(List.of(
        // numbers where text is expected: a lenient reader takes them as text, and nothing is checked
        Hostile.of("number 2^256", TWO_256), Hostile.of("number 1e400", "1e400"), Hostile.of("number -1", "-1"),
        Hostile.of("object", "{\"a\":\"b\"}"), Hostile.of("array", "[\"x\"]"), Hostile.of("true", "true"),
        Hostile.of("long text", "\"" + (numberLike ? "9" : "a").repeat(Math.max(10_000, maxLength + 1)) + "\"")));
    values.addAll(illFormedText(valid));
    if (required) {
      values.add(Hostile.of("empty", "\"\""));
    }
    if (numberLike) {
      values.add(Hostile.of("non-ASCII digits", "\"١٢\""));
      if (valid instanceof String text && text.chars().anyMatch(Character::isDigit)) {
        values.add(Hostile.of("its digits in Arabic-Indic", "\"" + arabicIndic(text) + "\""));
      }
      values.addAll(List.of(Hostile.of("\"1e400\"", "\"1e400\""), Hostile.of("\"-1\"", "\"-1\""), Hostile.of("\"NaN\"", "\"NaN\""),
          Hostile.of("\"2^256\"", "\"" + TWO_256 + "\""), Hostile.of("\"0x10\"", "\"0x10\""), Hostile.of("80 digits", "\"" + "9".repeat(80) + "\""),
          Hostile.of("40 fraction digits", "\"0." + "1".repeat(40) + "\"")));
    }
    if ("date-time".equals(schema.get("format"))) {
      values.addAll(dateTimes());
    }
    if (valid instanceof String text && text.startsWith("P")) {
      // ISO-8601 durations
      values.addAll(List.of(Hostile.of("duration 10^17 hours", "\"PT99999999999999999H\""), Hostile.of("negative duration", "\"PT-1S\""),
          Hostile.of("duration 10^9 days", "\"P1000000000D\"")));
    }
    return values;
  }

  /** Text that is not well-formed: a lone surrogate, NUL, a control character (escaped and raw), bytes that are not UTF-8. */
  static List<Hostile> illFormedText(@Nullable Object valid) {
    List<Hostile> values = new ArrayList<>(List.of(Hostile.of("lone surrogate", "\"\\ud800\""), Hostile.of("NUL", "\"a\\u0000b\""),
        Hostile.of("escape character", "\"a\\u001bb\""), Hostile.of("DEL", "\"a\u007fb\""),
        new Hostile("raw control byte", new byte[] {'"', 'a', 0x01, 'b', '"'}),
        new Hostile("invalid UTF-8", new byte[] {'"', 'a', (byte) 0xff, (byte) 0xfe, '"'}),
        new Hostile("overlong UTF-8 slash", new byte[] {'"', (byte) 0xc0, (byte) 0xaf, '"'})));
    if (valid instanceof String text && !text.isEmpty()) {
      String quoted = Schemas.JSON.writeValueAsString(text);
      String inner = quoted.substring(1, quoted.length() - 1);
      values.add(Hostile.of("valid then NUL", "\"" + inner + "\\u0000\""));
      values.add(Hostile.of("valid then lone surrogate", "\"" + inner + "\\ud800\""));
    }
    return values;
  }

  static List<Hostile> dateTimes() {
    return List.of(Hostile.of("year 300000", "\"+300000-01-01T00:00:00Z\""), Hostile.of("year 999999999", "\"+999999999-12-31T23:59:59Z\""),
        Hostile.of("year -999999999", "\"-999999999-01-01T00:00:00Z\""), Hostile.of("1969", "\"1969-01-01T00:00:00Z\""),
        Hostile.of("not a date", "\"not a date\""), Hostile.of("month 13", "\"2030-13-45T99:99:99Z\""),
        Hostile.of("epoch number 2^63", "9223372036854775808"), Hostile.of("epoch number -1", "-1"));
  }

  /** Whether the property holds a number written as text (wei, decimals, ids of digits). */
  static boolean numberLike(Map<String, Object> schema, @Nullable Object valid) {
    Object pattern = schema.get("pattern");
    return pattern != null && pattern.toString().contains("[0-9]{") || valid instanceof String text && text.matches("[0-9][0-9.]*");
  }

  /** Raw replacements for a path or query parameter of this schema (URL text, escapes included). */
  static List<Hostile> url(Map<String, Object> schema, @Nullable String valid) {
    List<Hostile> values = new ArrayList<>(List.of(Hostile.of("empty", ""), Hostile.of("wrong type", "abc"),
        Hostile.of("4000 characters", "a".repeat(4000)), Hostile.of("-1", "-1"), Hostile.of("2^256", TWO_256), Hostile.of("1e400", "1e400"),
        Hostile.of("%zz", "a%zzb"), Hostile.of("stray %", "a%"), Hostile.of("%00", "a%00b"), Hostile.of("%ff%fe", "%ff%fe"),
        Hostile.of("lone surrogate %ED%A0%80", "%ED%A0%80"), Hostile.of("non-ASCII %C3%A9", "%C3%A9"),
        Hostile.of("control %01", "a%01b"), Hostile.of("non-ASCII digits", "%D9%A1%D9%A2")));
    if (valid != null && !valid.isEmpty()) {
      values.add(Hostile.of("valid then %00", valid + "%00"));
      values.add(Hostile.of("valid then %zz", valid + "%zz"));
    }
    Set<String> types = Schemas.types(schema);
    if (types.contains("integer") || types.contains("number")) {
      values.addAll(List.of(Hostile.of("2^63", "9223372036854775808"), Hostile.of("-2^63-1", "-9223372036854775809"), Hostile.of("NaN", "NaN"),
          Hostile.of("1.5", "1.5")));
    }
    if (types.contains("boolean")) {
      values.add(Hostile.of("maybe", "maybe"));
    }
    if ("date-time".equals(schema.get("format"))) {
      values.addAll(List.of(Hostile.of("year 300000", "%2B300000-01-01T00:00:00Z"), Hostile.of("1969", "1969-12-31T00:00:00Z"),
          Hostile.of("epoch -1", "-1"), Hostile.of("year -999999999", "-999999999-01-01T00:00:00Z")));
    }
    return values;
  }

  /** Raw replacements that only make sense in a path segment: separators, dot segments, matrix parameters. */
  static List<Hostile> pathOnly() {
    return List.of(Hostile.of("%2f", "a%2fb"), Hostile.of("%5c", "a%5cb"), Hostile.of("%25", "a%25b"), Hostile.of(";x=1", "a;x=1"),
        Hostile.of("..", ".."), Hostile.of("%2e%2e", "%2e%2e"), Hostile.of(".", "."), Hostile.of("a/../b", "a/../b"),
        new Hostile("raw UTF-8", "é".getBytes(StandardCharsets.UTF_8)), new Hostile("raw NUL", new byte[] {'a', 0, 'b'}),
        Hostile.of("raw space", "a b"), Hostile.of("backslash", "a\\b"));
  }

  static String arabicIndic(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? ARABIC_INDIC.charAt(c - '0') : c);
    }
    return out.toString();
  }

  private static byte[] repeated(String element, int times) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < times; i++) {
      out.append(i == 0 ? "" : ",").append(element);
    }
    return out.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }
}
