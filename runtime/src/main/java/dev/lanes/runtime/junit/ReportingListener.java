package dev.lanes.runtime.junit;

import dev.lanes.runtime.ConsoleCapture;
import dev.lanes.runtime.ErrorMapper;
import dev.lanes.runtime.TaskUpdates;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the launcher's callbacks into task updates. Callbacks of one test come on the thread that
 * runs it, so output is attributed per thread even when Jupiter runs tests concurrently.
 */
final class ReportingListener implements TestExecutionListener {
  private final TaskTree tree;
  private final TaskUpdates updates;
  private final RuntimeRpc rpc;
  private final ConsoleCapture capture;
  private final Map<String, Long> startTimes = new ConcurrentHashMap<>();
  private final Map<String, BiConsumer<Boolean, String>> previousSinks = new ConcurrentHashMap<>();
  private final Map<String, TaskState> testStates = new ConcurrentHashMap<>();
  private final List<TestError> fileErrors = new ArrayList<>();
  private final int retry;
  /** Tests that failed and run again: their engine unique ids, the errors of their attempts so far. */
  private final Map<String, String> retryIds = new ConcurrentHashMap<>();
  private final Map<String, List<TestError>> failedAttempts = new ConcurrentHashMap<>();
  private volatile int attempt;
  private volatile String outOfMemory;
  private TestPlan plan;

  /** {@code retry}: how often a failing test runs again ({@link #nextAttempt}) before its failure is final. */
  ReportingListener(TaskTree tree, TaskUpdates updates, RuntimeRpc rpc, ConsoleCapture capture, int retry) {
    this.tree = tree;
    this.updates = updates;
    this.rpc = rpc;
    this.capture = capture;
    this.retry = retry;
    collectTests(tree.root());
  }

  /** The engine unique ids of the tests that failed and may run again, for the next attempt; empty when none. */
  List<String> nextAttempt() {
    if (retryIds.isEmpty() || attempt >= retry) {
      return List.of();
    }
    attempt++;
    return List.copyOf(retryIds.values());
  }

  /** Tests whose retry never reported (a container failed in it) end with their last failure. */
  void endRetries() {
    for (String id : List.copyOf(retryIds.keySet())) {
      List<TestError> errors = failedAttempts.getOrDefault(id, List.of());
      TaskResult last = TaskResult.failed(0, errors.isEmpty() ? List.of() : List.of(errors.get(errors.size() - 1)));
      finishTest(id, new TaskResult(TaskState.FAIL, 0, last.errors(), attempt, Optional.empty()));
    }
  }

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    this.plan = testPlan;
  }

  @Override
  public void dynamicTestRegistered(TestIdentifier identifier) {
    tree.register(identifier).ifPresent(task -> {
      updates.flush();
      rpc.onTaskRegistered(tree.parentTaskId(identifier).orElseThrow(), task);
      if (task.type() == TaskType.TEST) {
        testStates.put(task.id(), TaskState.RUN);
      }
    });
  }

  @Override
  public void executionStarted(TestIdentifier identifier) {
    tree.taskId(identifier).filter(id -> !tree.isFile(id)).ifPresent(id -> {
      startTimes.put(id, System.nanoTime());
      if (tree.type(id) == TaskType.TEST) {
        if (attempt == 0) { // a retry is the same test, still running for the host
          updates.add(id, TaskResult.running(), TaskEvent.TEST_PREPARE);
        }
        previousSinks.put(id, orNone(capture.attribute(id)));
      } else if (attempt == 0) {
        updates.add(id, TaskResult.running(), TaskEvent.SUITE_PREPARE);
      }
    });
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    if (attempt == 0) { // in a retry a test that does not run keeps its failure (see endRetries)
      tree.taskId(identifier).ifPresent(id -> skip(identifier, id, reason));
    }
  }

  /** The {@code OutOfMemoryError} a test or container of this file failed with, if any. */
  java.util.Optional<String> outOfMemory() {
    return java.util.Optional.ofNullable(outOfMemory);
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    result.getThrowable().filter(OutOfMemoryError.class::isInstance).ifPresent(e -> outOfMemory = e.toString());
    tree.taskId(identifier).ifPresent(id -> {
      long duration = Optional.ofNullable(startTimes.remove(id)).map(s -> (System.nanoTime() - s) / 1_000_000).orElse(0L);
      TaskResult taskResult = toResult(result, duration);
      if (tree.type(id) == TaskType.TEST) {
        BiConsumer<Boolean, String> previous = previousSinks.remove(id);
        capture.restore(previous == NONE ? null : previous);
        updates.flush();
        capture.drain(id, Optional.of(id)).forEach(rpc::onUserConsoleLog);
        if (taskResult.state() == TaskState.FAIL && attempt < retry) {
          retryIds.put(id, identifier.getUniqueId()); // runs again once the file's run is over
          failedAttempts.computeIfAbsent(id, k -> new ArrayList<>()).addAll(taskResult.errors());
          return;
        }
        List<TestError> earlier = failedAttempts.getOrDefault(id, List.of());
        finishTest(id, new TaskResult(taskResult.state(), taskResult.durationMillis(),
            taskResult.state() == TaskState.PASS ? earlier : taskResult.errors(), attempt, taskResult.note()));
      } else if (attempt > 0) {
        return; // a retry's containers were reported by the first run
      } else {
        if (taskResult.state() == TaskState.FAIL) {
          synchronized (fileErrors) {
            fileErrors.addAll(taskResult.errors());
          }
        }
        if (!tree.isFile(id)) {
          updates.add(id, taskResult, TaskEvent.SUITE_FINISHED);
        }
      }
    });
  }

  /** A test's final result: a pass after retries keeps the errors of the attempts that failed (a flaky test). */
  private void finishTest(String id, TaskResult result) {
    retryIds.remove(id);
    testStates.put(id, result.state());
    updates.add(id, result, TaskEvent.TEST_FINISHED);
  }

  /** The file's result once the launcher returned; tests that never got a result are skipped with a note. */
  TaskResult fileResult(long durationMillis) {
    testStates.forEach((id, state) -> {
      if (!state.isFinal()) {
        String note = "not run: " + (fileErrors.isEmpty() ? "the engine never started it" : "a container failed");
        updates.add(id, TaskResult.skipped(note), TaskEvent.TEST_FINISHED);
        testStates.put(id, TaskState.SKIP);
      }
    });
    boolean failed = !fileErrors.isEmpty() || testStates.containsValue(TaskState.FAIL);
    boolean anyPassed = testStates.containsValue(TaskState.PASS);
    TaskState state = failed ? TaskState.FAIL : anyPassed ? TaskState.PASS : TaskState.SKIP;
    return new TaskResult(state, durationMillis, List.copyOf(fileErrors), 0, Optional.empty());
  }

  private void skip(TestIdentifier identifier, String id, String reason) {
    if (tree.type(id) == TaskType.TEST) {
      updates.add(id, TaskResult.running(), TaskEvent.TEST_PREPARE);
      updates.add(id, TaskResult.skipped(reason), TaskEvent.TEST_FINISHED);
      testStates.put(id, TaskState.SKIP);
      return;
    }
    if (!tree.isFile(id)) {
      updates.add(id, TaskResult.running(), TaskEvent.SUITE_PREPARE);
    }
    if (plan != null && !tree.isFile(id) && TaskTree.isTemplate(plan, identifier)) {
      Task template = tree.skippedTemplate(identifier, id);
      updates.flush();
      rpc.onTaskRegistered(id, template);
      updates.add(template.id(), TaskResult.running(), TaskEvent.TEST_PREPARE);
      updates.add(template.id(), TaskResult.skipped(reason), TaskEvent.TEST_FINISHED);
      testStates.put(template.id(), TaskState.SKIP);
    }
    if (plan != null) {
      for (TestIdentifier child : plan.getChildren(identifier)) {
        tree.taskId(child).ifPresent(childId -> skip(child, childId, reason));
      }
    }
    if (!tree.isFile(id)) {
      updates.add(id, TaskResult.skipped(reason), TaskEvent.SUITE_FINISHED);
    }
  }

  private static TaskResult toResult(TestExecutionResult result, long duration) {
    Optional<Throwable> error = result.getThrowable();
    return switch (result.getStatus()) {
      case SUCCESSFUL -> TaskResult.passed(duration);
      case ABORTED -> new TaskResult(TaskState.SKIP, duration, List.of(), 0,
          Optional.of(error.map(e -> "aborted: " + e.getMessage()).orElse("aborted")));
      case FAILED -> TaskResult.failed(duration, error.map(ErrorMapper::map).map(List::of).orElse(List.of()));
    };
  }

  private void collectTests(Task task) {
    if (task.type() == TaskType.TEST) {
      testStates.put(task.id(), TaskState.RUN);
    }
    task.children().forEach(this::collectTests);
  }

  private static BiConsumer<Boolean, String> orNone(BiConsumer<Boolean, String> sink) {
    return sink == null ? NONE : sink;
  }

  private static final BiConsumer<Boolean, String> NONE = (stderr, text) -> { };
}
