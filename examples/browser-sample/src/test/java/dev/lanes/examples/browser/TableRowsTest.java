package dev.lanes.examples.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowsTest {
  private static final List<List<String>> ROWS = List.of(
      List.of("pear", "12"), List.of("Apple", "3"), List.of("fig", "100"));

  @Test
  void sortsNumbersAsNumbers() {
    assertEquals(List.of("3", "12", "100"),
        TableRows.sorted(ROWS, 1, true).stream().map(row -> row.get(1)).toList());
  }

  @Test
  void sortsTextIgnoringCaseDescending() {
    assertEquals(List.of("pear", "fig", "Apple"),
        TableRows.sorted(ROWS, 0, false).stream().map(row -> row.get(0)).toList());
  }
}
