package dev.lanes.spi;

import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.List;
import java.util.Optional;

/** A test file as reporters see it: a live, read-only view of its state. */
public interface TestModule {
  String id();

  /** For JVM pools, the test class name. */
  String moduleId();

  String project();

  String pool();

  /** PASS, FAIL, SKIP, or RUN while it is still running. */
  TaskState state();

  /** The file's own result: errors that belong to no test (a crash, a class that failed to load). */
  Optional<TaskResult> result();

  /** Every test of the file, depth first, in declaration order. */
  List<TestCase> tests();

  /** Output printed outside any test (static initialisers, class-level hooks). */
  List<UserConsoleLog> logs();

  /** Wall time from start to end of the file, 0 if it never ran. */
  long durationMillis();

  /** Which worker slot ran it, 0 if none. */
  int poolId();

  /** Start of the file in epoch milliseconds, 0 if it never ran. */
  long startTime();

  /**
   * How the file ended — its tests passed, failed or were skipped, its worker crashed or hung, it was never run —
   * once it ended; while it runs, what its state says so far.
   */
  default FileOutcome outcome() {
    return switch (state()) {
      case FAIL -> FileOutcome.failed();
      case SKIP -> FileOutcome.skipped(result().flatMap(TaskResult::note).orElse(""));
      case PASS, RUN -> FileOutcome.passed();
    };
  }

  default List<TestError> errors() {
    return result().map(TaskResult::errors).orElse(List.of());
  }
}
