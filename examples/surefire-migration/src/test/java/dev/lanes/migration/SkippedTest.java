package dev.lanes.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Surefire counts as skipped: a parameterized test whose condition is off, and a disabled test. */
class SkippedTest {
  @ParameterizedTest
  @ValueSource(strings = {"a", "b"})
  @EnabledIfSystemProperty(named = "fixture.no.such.property", matches = "on")
  void onlyWhenAPropertyIsOn(String name) {
    assertEquals("Hello, " + name, Greeting.of(name));
  }

  @Test
  @Disabled("shows how a disabled test is reported")
  void disabled() {
  }

  @Test
  void runs() {
    assertEquals("Hello, you", Greeting.of("you"));
  }
}
