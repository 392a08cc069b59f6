package dev.lanes.spi;

import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Ids;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One test file to run: its project, module id (for JVM pools the class name), the pool it runs
 * in, and optional filters (a test-name pattern, engine unique ids of selected tests).
 */
public record TestSpecification(TestProject project, String moduleId, String pool, Optional<String> testNamePattern,
                                List<String> testIds) {
  public TestSpecification {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(moduleId, "moduleId");
    Objects.requireNonNull(pool, "pool");
    testNamePattern = Optional.ofNullable(testNamePattern).flatMap(p -> p);
    testIds = List.copyOf(testIds == null ? List.of() : testIds);
  }

  public static TestSpecification of(TestProject project, String moduleId) {
    return new TestSpecification(project, moduleId, project.pool(), Optional.empty(), List.of());
  }

  /** The file's task id, stable across machines ({@link Ids#fileId}). */
  public String fileId() {
    return Ids.fileId(moduleId, project.name());
  }

  /** What a worker receives for this file. */
  public FileSpec toFileSpec() {
    return new FileSpec(moduleId, fileId(), testNamePattern, testIds);
  }
}
