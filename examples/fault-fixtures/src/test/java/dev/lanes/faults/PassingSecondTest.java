package dev.lanes.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PassingSecondTest {
  @Test
  void adds() {
    assertEquals(9, 3 * 3);
  }

  @Test
  void concatenates() {
    assertEquals("ab", "a" + "b");
  }
}
