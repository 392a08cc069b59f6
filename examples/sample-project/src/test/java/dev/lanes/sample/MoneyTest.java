package dev.lanes.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void parsesAmounts() {
    assertEquals(new Money(1250, "EUR"), Money.of("12.5", "EUR"));
    assertEquals(new Money(-305, "EUR"), Money.of("-3.05", "EUR"));
  }

  @Test
  void adds() {
    assertEquals(Money.of("3.75", "USD"), Money.of("1.25", "USD").plus(Money.of("2.50", "USD")));
  }

  @Test
  void formats() {
    assertEquals("CHF 7.05", Money.of("7.05", "CHF").toString());
  }

  @Nested
  @DisplayName("allocation")
  class Allocation {
    @Test
    void splitsEvenly() {
      assertArrayEquals(new Money[] {new Money(50, "EUR"), new Money(50, "EUR")}, new Money(100, "EUR").allocate(2));
    }

    @Test
    void givesTheRemainderToTheFirstParts() {
      assertArrayEquals(new Money[] {new Money(34, "EUR"), new Money(33, "EUR"), new Money(33, "EUR")},
          new Money(100, "EUR").allocate(3));
    }
  }

  @Nested
  class Errors {
    @Test
    void refusesMixedCurrencies() {
      assertThrows(IllegalArgumentException.class, () -> Money.of("1", "EUR").plus(Money.of("1", "USD")));
    }

    @Test
    void refusesBadCodes() {
      assertThrows(IllegalArgumentException.class, () -> new Money(1, "euro"));
    }
  }
}
