package dev.lanes.faults;

import org.junit.jupiter.api.Test;

class SystemExitTest {
  @Test
  void exits() {
    System.exit(3);
  }
}
