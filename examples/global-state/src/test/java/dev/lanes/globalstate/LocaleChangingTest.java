package dev.lanes.globalstate;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Checks that the JVM is as it started, then changes what the whole JVM shares (the default Locale and TimeZone). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocaleChangingTest {
  @Test
  @Order(1)
  void startsFromTheJvmsDefaults() {
    Poison.assertUntouched();
  }

  @Test
  @Order(2)
  void changesWhatTheWholeJvmShares() {
    Poison.locale();
  }
}
