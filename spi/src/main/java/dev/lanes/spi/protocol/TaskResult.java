package dev.lanes.spi.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A task's result: state, duration, errors (with expected/actual), retries and an optional note (e.g. a skip reason). */
public record TaskResult(TaskState state, long durationMillis, List<TestError> errors, int retryCount,
                         Optional<String> note) {
  public TaskResult {
    Objects.requireNonNull(state, "state");
    errors = List.copyOf(errors == null ? List.of() : errors);
    note = Optional.ofNullable(note).flatMap(n -> n);
    if (durationMillis < 0) {
      throw new IllegalArgumentException("negative duration: " + durationMillis);
    }
  }

  public static TaskResult running() {
    return new TaskResult(TaskState.RUN, 0, List.of(), 0, Optional.empty());
  }

  public static TaskResult passed(long durationMillis) {
    return new TaskResult(TaskState.PASS, durationMillis, List.of(), 0, Optional.empty());
  }

  public static TaskResult failed(long durationMillis, List<TestError> errors) {
    return new TaskResult(TaskState.FAIL, durationMillis, errors, 0, Optional.empty());
  }

  public static TaskResult skipped(String reason) {
    return new TaskResult(TaskState.SKIP, 0, List.of(), 0, Optional.ofNullable(reason));
  }
}
