package dev.lanes.examples.browser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The rows the page's table shows, as the server sends them: sorted by a column, numbers as numbers. */
public final class TableRows {
  private TableRows() {
  }

  /** Rows sorted by {@code column}, ascending or not; numeric cells compare as numbers, text ignoring case. */
  public static List<List<String>> sorted(List<List<String>> rows, int column, boolean ascending) {
    Comparator<List<String>> order = Comparator.comparing(row -> row.get(column), TableRows::compareCells);
    List<List<String>> copy = new ArrayList<>(rows);
    copy.sort(ascending ? order : order.reversed());
    return copy;
  }

  static int compareCells(String a, String b) {
    try {
      return Double.compare(Double.parseDouble(a), Double.parseDouble(b));
    } catch (NumberFormatException e) {
      return a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT));
    }
  }
}
