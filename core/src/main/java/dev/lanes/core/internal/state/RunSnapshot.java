package dev.lanes.core.internal.state;

import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as the blob reporter keeps it, enough to replay it through any reporter ({@link TestRun#replay}): each
 * file's task tree (dynamic tests included), every result, every log line, when and on which worker it ran; the
 * errors that belong to no file; the Lanes version that wrote it and the shard it was; and, when the run measured
 * coverage, JaCoCo's execution data (Base64), which {@code --merge-reports --coverage} adds up to one report.
 */
public record RunSnapshot(String lanes, Optional<String> shard, long startTime, long durationMillis,
                          List<FileSnapshot> files, List<TestError> errors, Optional<String> coverage) {
  public RunSnapshot {
    Objects.requireNonNull(lanes, "lanes");
    shard = Optional.ofNullable(shard).flatMap(s -> s);
    files = List.copyOf(files);
    errors = List.copyOf(errors);
    coverage = Optional.ofNullable(coverage).flatMap(c -> c);
  }

  /** The same snapshot, carrying {@code data}, JaCoCo's execution data of the run. */
  public RunSnapshot withCoverage(byte[] data) {
    return new RunSnapshot(lanes, shard, startTime, durationMillis, files, errors,
        Optional.of(java.util.Base64.getEncoder().encodeToString(data)));
  }

  /**
   * One file: its own fields, its tasks (children of the file task), results by task id, logs in order, and how it
   * ended where its result's state does not say (a crash, a time-out, a bail).
   */
  public record FileSnapshot(String id, String moduleId, String project, String pool, int poolId, long startTime,
                             long durationMillis, Optional<TaskResult> result, List<Task> tasks,
                             Map<String, TaskResult> results, List<UserConsoleLog> logs, Optional<FileOutcome> outcome) {
    public FileSnapshot {
      result = Optional.ofNullable(result).flatMap(r -> r);
      outcome = Optional.ofNullable(outcome).flatMap(o -> o);
      tasks = List.copyOf(tasks);
      results = Map.copyOf(results);
      logs = List.copyOf(logs);
    }
  }

  /** The snapshot of a run's modules (those a {@link TestRun} reported). */
  public static RunSnapshot of(String version, Optional<String> shard, long startTime, long durationMillis,
                               List<TestModule> modules, List<TestError> errors) {
    List<FileSnapshot> files = new ArrayList<>();
    for (TestModule module : modules) {
      ModuleState state = (ModuleState) module;
      Map<String, TaskResult> results = new LinkedHashMap<>();
      List<UserConsoleLog> logs = new ArrayList<>(state.logs);
      List<Task> tasks = state.roots.stream().map(root -> snapshot(root, results, logs)).toList();
      logs.sort(Comparator.comparingLong(UserConsoleLog::time));
      files.add(new FileSnapshot(state.id(), state.moduleId(), state.project(), state.pool(), state.poolId(),
          state.startTime(), state.durationMillis(), state.result(), tasks, results, logs,
          Optional.ofNullable(state.outcome)));
    }
    return new RunSnapshot(version, shard, startTime, durationMillis, files, errors, Optional.empty());
  }

  /** The node's task with the children it has now (tests a worker registered while running included). */
  private static Task snapshot(TaskNode node, Map<String, TaskResult> results, List<UserConsoleLog> logs) {
    if (node.result != null) {
      results.put(node.id(), node.result);
    }
    logs.addAll(node.logs);
    List<Task> children = node.children.stream().map(child -> snapshot(child, results, logs)).toList();
    Task task = node.task();
    return new Task(task.id(), task.name(), task.type(), task.mode(), task.uniqueId(), task.location(), children,
        task.reportingName(), task.tags());
  }
}
