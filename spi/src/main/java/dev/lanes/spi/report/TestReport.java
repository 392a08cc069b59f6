package dev.lanes.spi.report;

import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A test of a {@link FileReport}: started, then passed, failed or skipped, once. A result without a start starts it
 * first; a duration not given is the time since it started.
 */
public final class TestReport extends ReportNode {
  TestReport(FileReport file, SuiteReport parent, String id, String name, Optional<String> uniqueId, String source) {
    super(file, parent, id, name, uniqueId, source);
  }

  /** Marks the test (and the suites above it) running; the reporters show it as started. */
  public TestReport started() {
    synchronized (file) {
      checkOpen("start");
      start();
      return this;
    }
  }

  public void passed() {
    ended(TaskState.PASS, Optional.empty(), List.of(), Optional.empty());
  }

  public void passed(Duration took) {
    ended(TaskState.PASS, Optional.of(took), List.of(), Optional.empty());
  }

  /** Fails the test with {@code error}, its stack trimmed to the user's frames ({@link TestErrors#trimmed}). */
  public void failed(Throwable error) {
    failed(TestErrors.trimmed(error));
  }

  public void failed(TestError error) {
    ended(TaskState.FAIL, Optional.empty(), List.of(error), Optional.empty());
  }

  public void failed(Duration took, List<TestError> errors) {
    ended(TaskState.FAIL, Optional.of(took), errors, Optional.empty());
  }

  /** Skips the test, with the reason reports show. */
  public void skipped(String reason) {
    ended(TaskState.SKIP, Optional.of(Duration.ZERO), List.of(), Optional.of(reason));
  }

  private void ended(TaskState state, Optional<Duration> took, List<TestError> errors, Optional<String> note) {
    synchronized (file) {
      checkOpen("report " + state);
      start();
      finish(new TaskResult(state, took.map(Duration::toMillis).orElseGet(this::millisSinceStart), errors, 0, note));
    }
  }

  private void finish(TaskResult taskResult) {
    result = taskResult;
    stage = Stage.FINISHED;
    file.send(id, result, TaskEvent.TEST_FINISHED);
  }

  @Override
  TaskType type() {
    return TaskType.TEST;
  }

  @Override
  void start() {
    if (stage != Stage.DECLARED) {
      return;
    }
    parent.start();
    startedNow();
    file.send(id, TaskResult.running(), TaskEvent.TEST_PREPARE);
  }

  @Override
  void end() {
    if (stage == Stage.FINISHED) {
      return;
    }
    if (stage == Stage.DECLARED) {
      start();
      finish(TaskResult.skipped("not run: the pool never started it"));
    } else {
      finish(TaskResult.failed(millisSinceStart(), List.of(TestError.of("TestNotFinished",
          "'" + name + "' started and never ended: the pool reported no result for it"))));
    }
  }
}
