package io.nfttraders.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table, printed as the benchmark's result (pasted into docs/benchmarks.md as is). */
final class Table {

  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
    }
    rows.add(java.util.Arrays.stream(cells).map(Table::format).toList());
    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    out.append("| ").append(String.join(" | ", header)).append(" |\n|");
    header.forEach(h -> out.append("---|"));
    out.append('\n');
    rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
    return out.toString();
  }

  static String format(Object cell) {
    return switch (cell) {
      case Double d -> d >= 100 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d);
      case Integer i -> String.format(Locale.ROOT, "%,d", i);
      case Long l -> String.format(Locale.ROOT, "%,d", l);
      default -> String.valueOf(cell);
    };
  }
}
