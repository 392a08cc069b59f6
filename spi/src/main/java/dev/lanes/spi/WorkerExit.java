package dev.lanes.spi;

import java.util.Objects;
import java.util.OptionalInt;

/** How a worker ended: its exit code where it has one, and a description a person can act on. */
public record WorkerExit(OptionalInt exitCode, String description) {
  public WorkerExit {
    Objects.requireNonNull(exitCode, "exitCode");
    Objects.requireNonNull(description, "description");
  }

  public static WorkerExit code(int exitCode, String description) {
    return new WorkerExit(OptionalInt.of(exitCode), description);
  }
}
