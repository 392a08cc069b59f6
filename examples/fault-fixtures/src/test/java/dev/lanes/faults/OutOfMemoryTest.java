package dev.lanes.faults;

import org.junit.jupiter.api.Test;

class OutOfMemoryTest {
  @Test
  void allocatesTooMuch() {
    long[] huge = new long[Integer.MAX_VALUE]; // OutOfMemoryError at once, without filling a shared heap
    huge[0] = 1;
  }
}
