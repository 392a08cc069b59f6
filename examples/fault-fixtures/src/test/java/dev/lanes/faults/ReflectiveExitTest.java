package dev.lanes.faults;

import org.junit.jupiter.api.Test;

class ReflectiveExitTest {
  @Test
  void exitsThroughReflection() throws Exception {
    System.class.getMethod("exit", int.class).invoke(null, 0); // exit code 0: the run must still fail
  }
}
