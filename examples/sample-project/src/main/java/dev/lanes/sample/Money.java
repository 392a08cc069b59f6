package dev.lanes.sample;

import java.util.Objects;

/** An amount of money in minor units (cents) of one currency. */
public record Money(long cents, String currency) {
  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!currency.matches("[A-Z]{3}")) {
      throw new IllegalArgumentException("not an ISO 4217 code: " + currency);
    }
  }

  public static Money of(String amount, String currency) {
    String[] parts = amount.split("\\.");
    long units = Long.parseLong(parts[0]);
    long cents = parts.length > 1 ? Long.parseLong((parts[1] + "0").substring(0, 2)) : 0;
    return new Money(units * 100 + (units < 0 ? -cents : cents), currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(cents, other.cents), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(cents, other.cents), currency);
  }

  /** Splits into {@code parts} amounts that differ by at most one cent and add up to this one. */
  public Money[] allocate(int parts) {
    if (parts < 1) {
      throw new IllegalArgumentException("parts must be at least 1");
    }
    Money[] result = new Money[parts];
    long base = cents / parts;
    long remainder = cents % parts;
    for (int i = 0; i < parts; i++) {
      result[i] = new Money(base + (i < remainder ? 1 : 0), currency);
    }
    return result;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot combine " + currency + " and " + other.currency);
    }
  }

  @Override
  public String toString() {
    return String.format("%s %d.%02d", currency, cents / 100, Math.abs(cents % 100));
  }
}
