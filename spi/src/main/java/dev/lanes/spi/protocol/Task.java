package dev.lanes.spi.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A node of a file's task tree: the file itself, a suite (class, nested class, parameterized
 * container) or a test. Ids follow Vitest's scheme ({@link Ids}); {@code uniqueId} keeps the
 * engine's own id so one test can be selected again; {@code reportingName} is the name build tools
 * have always reported it by (JUnit's legacy reporting name, {@code adds()}, {@code evenOnly(int)[2]});
 * {@code tags} are the engine's tags of the test or container (JUnit's {@code @Tag}).
 */
public record Task(String id, String name, TaskType type, TaskMode mode, Optional<String> uniqueId,
                   Optional<Location> location, List<Task> children, Optional<String> reportingName,
                   List<String> tags) {
  public Task {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mode, "mode");
    uniqueId = Optional.ofNullable(uniqueId).flatMap(u -> u);
    location = Optional.ofNullable(location).flatMap(l -> l);
    children = List.copyOf(children == null ? List.of() : children);
    reportingName = Optional.ofNullable(reportingName).flatMap(r -> r);
    tags = List.copyOf(tags == null ? List.of() : tags);
    if (type == TaskType.TEST && !children.isEmpty()) {
      throw new IllegalArgumentException("a test has no children: " + id);
    }
  }

  /** A task without a reporting name of its own: reports use its display name. */
  public Task(String id, String name, TaskType type, TaskMode mode, Optional<String> uniqueId,
              Optional<Location> location, List<Task> children) {
    this(id, name, type, mode, uniqueId, location, children, Optional.empty(), List.of());
  }

  /** A task without tags. */
  public Task(String id, String name, TaskType type, TaskMode mode, Optional<String> uniqueId,
              Optional<Location> location, List<Task> children, Optional<String> reportingName) {
    this(id, name, type, mode, uniqueId, location, children, reportingName, List.of());
  }

  /** Where a task is written: a source file name and a 1-based line, 0 when unknown. */
  public record Location(String file, int line) {
    public Location {
      Objects.requireNonNull(file, "file");
    }
  }
}
