package dev.lanes.faults;

import org.junit.jupiter.api.Test;

class RuntimeHaltTest {
  @Test
  void halts() {
    Runtime.getRuntime().halt(4);
  }
}
