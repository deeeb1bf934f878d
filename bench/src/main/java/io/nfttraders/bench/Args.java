package io.nfttraders.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --key=value} command-line options with defaults; an unknown key is an error, so a typo never silently runs the default. */
final class Args {

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> used = new HashMap<>();

  Args(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --key=value, got: " + arg);
      }
      values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
  }

  String text(String key, String defaultValue) {
    String value = values.getOrDefault(key, defaultValue);
    used.put(key, value);
    return value;
  }

  int number(String key, int defaultValue) {
    return Integer.parseInt(text(key, Integer.toString(defaultValue)));
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(text(key, "false"));
  }

  /** A comma-separated list, e.g. {@code --server-options=--a=1,--b=2}; empty by default. */
  List<String> list(String key) {
    String value = text(key, "");
    return value.isBlank() ? List.of() : Arrays.asList(value.split(","));
  }

  /** Call after reading every option. */
  void rejectUnknown() {
    for (String key : values.keySet()) {
      if (!used.containsKey(key)) {
        throw new IllegalArgumentException("unknown option --" + key + " (known: " + used.keySet() + ")");
      }
    }
  }

  /** The effective options, for the report. */
  Map<String, String> effective() {
    return Map.copyOf(used);
  }
}
