package dev.lanes.faults;

import org.junit.jupiter.api.Test;

class HangingTest {
  @Test
  void ignoresInterrupts() {
    while (true) {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException ignored) {
        // a test that swallows the interrupt of its time-out
      }
    }
  }
}
