package io.nfttraders.bench;

import java.util.Arrays;
import java.util.OptionalDouble;

/** Reads samples out of a Prometheus text scrape. */
final class Prometheus {

  private Prometheus() {}

  /**
   * The sum of the samples of {@code metric} whose labels contain every one of {@code labelFilters}
   * (e.g. {@code event="Transfer"}, or {@code ""} for all), or empty when the scrape has none.
   */
  static OptionalDouble value(String scrape, String metric, String... labelFilters) {
    double sum = 0;
    boolean found = false;
    for (String line : scrape.lines().toList()) {
      if (line.startsWith("#") || !(line.startsWith(metric + " ") || line.startsWith(metric + "{"))) {
        continue;
      }
      int labelsEnd = line.lastIndexOf('}');
      String labels = labelsEnd < 0 ? "" : line.substring(metric.length(), labelsEnd + 1);
      if (!Arrays.stream(labelFilters).allMatch(labels::contains)) {
        continue;
      }
      String value = line.substring(line.lastIndexOf(' ') + 1);
      sum += Double.parseDouble(value);
      found = true;
    }
    return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
  }
}
