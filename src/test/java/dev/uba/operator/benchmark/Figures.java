package dev.uba.operator.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run, printed as they come and, at the end, as rows of a markdown table. */
final class Figures {

  private final String scenario;
  private final List<String[]> rows = new ArrayList<>();

  Figures(String scenario) {
    this.scenario = scenario;
  }

  void add(String figure, String value) {
    rows.add(new String[] {figure, value});
    System.out.printf("  %-58s %s%n", figure, value);
  }

  void add(String figure, double value) {
    add(figure, format(value));
  }

  static String format(double v) {
    if (v < 0) {
      return "n/a";
    }
    return Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e9
        ? Long.toString(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
  }

  static String seconds(Duration d) {
    return d == null ? "n/a" : String.format(Locale.ROOT, "%.0f s", d.toMillis() / 1000.0);
  }

  /** The rows, ready to paste under a {@code | figure | before |} header. */
  void printMarkdown() {
    System.out.println();
    System.out.println("| " + scenario + " | value |");
    System.out.println("|---|---|");
    for (String[] r : rows) {
      System.out.println("| " + r[0].replace("|", "\\|") + " | " + r[1].replace("|", "\\|") + " |");
    }
  }
}
