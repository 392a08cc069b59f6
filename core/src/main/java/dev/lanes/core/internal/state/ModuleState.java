package dev.lanes.core.internal.state;

import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One test file of the run, live; reporters see it through {@link TestModule}. Guarded by the run's lock. */
final class ModuleState implements TestModule {
  private final String id;
  private final String moduleId;
  private final String project;
  private final String pool;
  final List<TaskNode> roots = new ArrayList<>();
  final List<UserConsoleLog> logs = new ArrayList<>();
  TaskResult result;
  /** How it ended, where the run knows better than its result's state (a crash, a bail); else derived. */
  FileOutcome outcome;
  boolean queued;
  boolean collected;
  boolean started;
  boolean ended;
  int poolId;
  long startTime;
  long durationMillis;
  /** When its pool last reported on it ({@link System#nanoTime}), 0 before it did. */
  long lastEvent;
  /** Reported from a blob: its times are the run's that wrote it. */
  boolean replayed;

  ModuleState(String id, String moduleId, String project, String pool) {
    this.id = id;
    this.moduleId = moduleId;
    this.project = project;
    this.pool = pool;
  }

  static ModuleState of(TestSpecification spec) {
    return new ModuleState(spec.fileId(), spec.moduleId(), spec.project().name(), spec.pool());
  }

  /** Replaces the task tree with {@code file}'s, registering every node in {@code index}. */
  void collect(Task file, Map<String, TaskNode> index) {
    roots.clear();
    for (Task child : file.children()) {
      roots.add(add(child, null, index));
    }
  }

  TaskNode add(Task task, TaskNode parent, Map<String, TaskNode> index) {
    TaskNode node = new TaskNode(task, this, parent);
    index.put(task.id(), node);
    for (Task child : task.children()) {
      node.children.add(add(child, node, index));
    }
    return node;
  }

  List<TaskNode> testNodes() {
    List<TaskNode> tests = new ArrayList<>();
    roots.forEach(root -> collectTests(root, tests));
    return tests;
  }

  private static void collectTests(TaskNode node, List<TaskNode> into) {
    if (node.type() == TaskType.TEST) {
      into.add(node);
    }
    node.children.forEach(child -> collectTests(child, into));
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String moduleId() {
    return moduleId;
  }

  @Override
  public String project() {
    return project;
  }

  @Override
  public String pool() {
    return pool;
  }

  @Override
  public TaskState state() {
    return result != null && ended ? result.state() : TaskState.RUN;
  }

  @Override
  public FileOutcome outcome() {
    return outcome != null && ended ? outcome : TestModule.super.outcome();
  }

  @Override
  public Optional<TaskResult> result() {
    return Optional.ofNullable(result);
  }

  @Override
  public List<TestCase> tests() {
    return List.copyOf(testNodes());
  }

  @Override
  public List<UserConsoleLog> logs() {
    return List.copyOf(logs);
  }

  @Override
  public long durationMillis() {
    return durationMillis;
  }

  @Override
  public int poolId() {
    return poolId;
  }

  @Override
  public long startTime() {
    return startTime;
  }
}
