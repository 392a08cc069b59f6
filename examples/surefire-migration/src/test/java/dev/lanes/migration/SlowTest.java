package dev.lanes.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A class tagged "slow" as a whole. */
@Tag("slow")
class SlowTest {
  @Test
  void takesItsTime() {
    assertEquals("Hello, later", Greeting.of("later"));
  }
}
