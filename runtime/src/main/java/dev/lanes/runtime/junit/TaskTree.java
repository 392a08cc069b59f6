package dev.lanes.runtime.junit;

import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Ids;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Maps a discovered {@link TestPlan} of one test class onto Lanes' task tree: the class
 * container(s) become the file task, everything below keeps its order, ids follow Vitest's
 * {@code parentId_index} scheme. Knows every task's kind so events can be mapped while running.
 *
 * <p>JUnit creates the invocations of a parameterized test or a test factory only while running it.
 * When only collecting, such a method is therefore one test: the entry whose unique id selects all
 * its invocations.
 */
final class TaskTree {
  private final FileSpec file;
  private final Map<String, String> taskIds = new ConcurrentHashMap<>();
  private final Map<String, TaskType> types = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> childCounts = new ConcurrentHashMap<>();
  private final Task root;
  private final boolean collectOnly;

  TaskTree(FileSpec file, TestPlan plan, boolean collectOnly) {
    this.collectOnly = collectOnly;
    this.file = file;
    types.put(file.fileId(), TaskType.FILE);
    List<Task> children = new ArrayList<>();
    for (TestIdentifier engine : plan.getRoots()) {
      for (TestIdentifier top : plan.getChildren(engine)) {
        taskIds.put(top.getUniqueId(), file.fileId());
        for (TestIdentifier child : plan.getChildren(top)) {
          children.add(build(plan, child, file.fileId()));
        }
      }
    }
    this.root = new Task(file.fileId(), file.moduleId(), TaskType.FILE, TaskMode.RUN, Optional.empty(),
        Optional.of(new Task.Location(file.moduleId(), 0)), children);
  }

  /** A file task with no children, for {@code onQueued} and for files that failed before discovery. */
  static Task queued(FileSpec file) {
    return new Task(file.fileId(), file.moduleId(), TaskType.FILE, TaskMode.QUEUED, Optional.empty(),
        Optional.of(new Task.Location(file.moduleId(), 0)), List.of());
  }

  Task root() {
    return root;
  }

  boolean isEmpty() {
    return root.children().isEmpty();
  }

  /** The task id of an engine unique id; empty for engine roots and anything unknown. */
  Optional<String> taskId(TestIdentifier identifier) {
    return Optional.ofNullable(taskIds.get(identifier.getUniqueId()));
  }

  boolean isFile(String taskId) {
    return file.fileId().equals(taskId);
  }

  TaskType type(String taskId) {
    return types.getOrDefault(taskId, TaskType.SUITE);
  }

  /** Registers a test or container that appeared while running; returns its task, or empty if its parent is unknown. */
  Optional<Task> register(TestIdentifier identifier) {
    Optional<String> parent = identifier.getParentId().map(taskIds::get);
    return parent.map(parentId -> {
      String id = Ids.childId(parentId, childCounts.computeIfAbsent(parentId, p -> new AtomicInteger()).getAndIncrement());
      return leaf(identifier, id, identifier.isContainer() ? TaskType.SUITE : TaskType.TEST);
    });
  }

  /**
   * A test standing for a skipped test template (a parameterized test or test factory whose condition is off): it has
   * no invocations to report, so, as Surefire reports it, the template itself is one skipped test, under its suite.
   */
  Task skippedTemplate(TestIdentifier template, String templateId) {
    String id = Ids.childId(templateId, childCounts.computeIfAbsent(templateId, p -> new AtomicInteger()).getAndIncrement());
    types.put(id, TaskType.TEST);
    return new Task(id, template.getDisplayName(), TaskType.TEST, TaskMode.RUN, Optional.of(template.getUniqueId()),
        location(template), List.of(), Optional.of(template.getLegacyReportingName()), tags(template));
  }

  /** Whether {@code identifier} is a test template (a method whose tests exist only once it runs). */
  static boolean isTemplate(TestPlan plan, TestIdentifier identifier) {
    return identifier.isContainer() && identifier.getSource().filter(MethodSource.class::isInstance).isPresent()
        && plan.getChildren(identifier).isEmpty();
  }

  /** The parent task id of a registered identifier. */
  Optional<String> parentTaskId(TestIdentifier identifier) {
    return identifier.getParentId().map(taskIds::get);
  }

  private Task build(TestPlan plan, TestIdentifier identifier, String parentId) {
    String id = Ids.childId(parentId, childCounts.computeIfAbsent(parentId, p -> new AtomicInteger()).getAndIncrement());
    boolean template = identifier.getSource().filter(MethodSource.class::isInstance).isPresent()
        && plan.getChildren(identifier).isEmpty();
    if ((identifier.isTest() && !identifier.isContainer()) || (collectOnly && template)) {
      return leaf(identifier, id, TaskType.TEST);
    }
    taskIds.put(identifier.getUniqueId(), id);
    types.put(id, TaskType.SUITE);
    List<Task> children = new ArrayList<>();
    for (TestIdentifier child : plan.getChildren(identifier)) {
      children.add(build(plan, child, id));
    }
    return new Task(id, identifier.getDisplayName(), TaskType.SUITE, TaskMode.RUN,
        Optional.of(identifier.getUniqueId()), location(identifier), children,
        Optional.of(identifier.getLegacyReportingName()), tags(identifier));
  }

  private Task leaf(TestIdentifier identifier, String id, TaskType type) {
    taskIds.put(identifier.getUniqueId(), id);
    types.put(id, type);
    return new Task(id, identifier.getDisplayName(), type, TaskMode.RUN, Optional.of(identifier.getUniqueId()),
        location(identifier), List.of(), Optional.of(identifier.getLegacyReportingName()), tags(identifier));
  }

  /** The identifier's tags, its containers' included (JUnit gives a method the tags of its class too). */
  private static List<String> tags(TestIdentifier identifier) {
    return identifier.getTags().stream().map(tag -> tag.getName()).sorted().toList();
  }

  private static Optional<Task.Location> location(TestIdentifier identifier) {
    Optional<TestSource> source = identifier.getSource();
    if (source.isPresent() && source.get() instanceof MethodSource method) {
      return Optional.of(new Task.Location(method.getClassName(), 0));
    }
    if (source.isPresent() && source.get() instanceof ClassSource type) {
      return Optional.of(new Task.Location(type.getClassName(), type.getPosition().map(p -> p.getLine()).orElse(0)));
    }
    return Optional.empty();
  }
}
