package dev.lanes.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PassingFirstTest {
  @Test
  void adds() {
    assertEquals(4, 2 + 2);
  }

  @Test
  void concatenates() {
    assertEquals("ab", "a" + "b");
  }
}
