package dev.lanes.faults;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

class MethodHandleHaltTest {
  @Test
  void haltsThroughAMethodHandle() throws Throwable {
    MethodHandles.publicLookup().findVirtual(Runtime.class, "halt", MethodType.methodType(void.class, int.class))
        .invoke(Runtime.getRuntime(), 0); // no shutdown hook runs on a halt: only the guard can catch it
  }
}
