package dev.lanes.spi.report;

import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Records every call as one line ("queued 1", "TEST_PREPARE 1_0"), and the last result of every task. */
final class RecordingRuntimeRpc implements RuntimeRpc {
  final List<String> calls = new ArrayList<>();
  final Map<String, TaskResult> results = new HashMap<>();
  final List<Task> collected = new ArrayList<>();
  final List<UserConsoleLog> logs = new ArrayList<>();

  @Override
  public synchronized void onQueued(Task file) {
    calls.add("queued " + file.id());
  }

  @Override
  public synchronized void onCollected(List<Task> files) {
    collected.addAll(files);
    files.forEach(f -> calls.add("collected " + f.id() + " " + ids(f)));
  }

  private static List<String> ids(Task task) {
    List<String> ids = new ArrayList<>();
    task.children().forEach(c -> {
      ids.add(c.id());
      ids.addAll(ids(c));
    });
    return ids;
  }

  @Override
  public synchronized void onTaskRegistered(String parentId, Task task) {
    calls.add("registered " + task.id() + " in " + parentId);
  }

  @Override
  public synchronized void onTaskUpdate(List<TaskResultPack> packs, List<TaskEventPack> events) {
    packs.forEach(p -> results.put(p.taskId(), p.result()));
    events.forEach(e -> calls.add(e.event() + " " + e.taskId()));
  }

  @Override
  public synchronized void onUserConsoleLog(UserConsoleLog log) {
    logs.add(log);
  }

  @Override
  public void onUnhandledError(TestError error, String type) {
    throw new AssertionError("a report sends no unhandled error");
  }

  @Override
  public void onCancel(String reason) {
    throw new AssertionError("a report does not cancel the run");
  }

  @Override
  public CompletionStage<Integer> getCountOfFailedTests() {
    return CompletableFuture.completedFuture(0);
  }
}
