package dev.lanes.sample;

import java.io.PrintStream;
import java.util.List;

/** Prints an invoice's lines and total. */
public final class InvoicePrinter {
  private final PrintStream out;

  public InvoicePrinter(PrintStream out) {
    this.out = out;
  }

  public Money print(List<Money> lines) {
    Money total = null;
    for (Money line : lines) {
      out.println("  " + line);
      total = total == null ? line : total.plus(line);
    }
    out.println("Total " + total);
    return total;
  }
}
