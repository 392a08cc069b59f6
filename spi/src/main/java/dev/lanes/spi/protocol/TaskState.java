package dev.lanes.spi.protocol;

/** Where a task's result stands. */
public enum TaskState {
  RUN, PASS, FAIL, SKIP;

  public boolean isFinal() {
    return this != RUN;
  }
}
