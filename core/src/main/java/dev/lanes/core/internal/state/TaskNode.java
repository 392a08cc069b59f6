package dev.lanes.core.internal.state;

import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A suite or test of a module, live; reporters see tests through {@link TestCase}. Guarded by the run's lock. */
final class TaskNode implements TestCase {
  private final Task task;
  private final ModuleState module;
  private final TaskNode parent;
  final List<TaskNode> children = new ArrayList<>();
  final List<UserConsoleLog> logs = new ArrayList<>();
  TaskResult result;
  boolean ready;
  boolean finished;

  TaskNode(Task task, ModuleState module, TaskNode parent) {
    this.task = task;
    this.module = module;
    this.parent = parent;
  }

  TaskType type() {
    return task.type();
  }

  @Override
  public String id() {
    return task.id();
  }

  @Override
  public String name() {
    return task.name();
  }

  @Override
  public String fullName() {
    List<String> names = new ArrayList<>(suitePath());
    names.add(0, module.moduleId());
    names.add(task.name());
    return String.join(" > ", names);
  }

  @Override
  public List<String> suitePath() {
    List<String> path = new ArrayList<>();
    for (TaskNode node = parent; node != null; node = node.parent) {
      path.add(0, node.name());
    }
    return path;
  }

  @Override
  public Optional<String> className() {
    return task.location().map(Task.Location::file).filter(f -> !f.isEmpty());
  }

  /** The name of the nearest enclosing suite that is the test's class: the one the engine reports by that class's name. */
  @Override
  public Optional<String> classDisplayName() {
    Optional<String> className = className();
    for (TaskNode node = parent; node != null && className.isPresent(); node = node.parent) {
      if (node.task.reportingName().equals(className)) {
        return Optional.of(node.name());
      }
    }
    return Optional.empty();
  }

  @Override
  public Optional<String> uniqueId() {
    return task.uniqueId();
  }

  @Override
  public Optional<String> reportingName() {
    return task.reportingName();
  }

  @Override
  public List<String> tags() {
    return task.tags();
  }

  @Override
  public TaskMode mode() {
    return task.mode();
  }

  @Override
  public Optional<TaskResult> result() {
    return Optional.ofNullable(result);
  }

  @Override
  public List<UserConsoleLog> logs() {
    return List.copyOf(logs);
  }

  @Override
  public TestModule module() {
    return module;
  }

  Task task() {
    return task;
  }
}
