package dev.lanes.faults;

import org.junit.jupiter.api.Test;

class StackOverflowTest {
  @Test
  void recursesForever() {
    recurse(0);
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }
}
