package dev.lanes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Prints to the console on purpose: Lanes captures it per test. */
class InvoicePrinterTest {
  @Test
  void printsLinesAndTotal() {
    Money total = new InvoicePrinter(System.out).print(List.of(Money.of("10", "EUR"), Money.of("2.5", "EUR")));
    assertEquals(Money.of("12.50", "EUR"), total);
  }

  @Test
  void warnsOnStderr() {
    System.err.println("warning: an empty invoice");
    assertEquals(Money.of("1", "EUR"), new InvoicePrinter(System.out).print(List.of(Money.of("1", "EUR"))));
  }
}
