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
  private TestPlan plan;

  ReportingListener(TaskTree tree, TaskUpdates updates, RuntimeRpc rpc, ConsoleCapture capture) {
    this.tree = tree;
    this.updates = updates;
    this.rpc = rpc;
    this.capture = capture;
    collectTests(tree.root());
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
        updates.add(id, TaskResult.running(), TaskEvent.TEST_PREPARE);
        previousSinks.put(id, orNone(capture.attribute(id)));
      } else {
        updates.add(id, TaskResult.running(), TaskEvent.SUITE_PREPARE);
      }
    });
  }

  @Override
  public void executionSkipped(TestIdentifier identifier, String reason) {
    tree.taskId(identifier).ifPresent(id -> skip(identifier, id, reason));
  }

  @Override
  public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
    tree.taskId(identifier).ifPresent(id -> {
      long duration = Optional.ofNullable(startTimes.remove(id)).map(s -> (System.nanoTime() - s) / 1_000_000).orElse(0L);
      TaskResult taskResult = toResult(result, duration);
      if (tree.type(id) == TaskType.TEST) {
        BiConsumer<Boolean, String> previous = previousSinks.remove(id);
        capture.restore(previous == NONE ? null : previous);
        testStates.put(id, taskResult.state());
        updates.flush();
        capture.drain(id, Optional.of(id)).forEach(rpc::onUserConsoleLog);
        updates.add(id, taskResult, TaskEvent.TEST_FINISHED);
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
