package dev.lanes.spi.protocol;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One test file as a worker sees it: the module id (a class name for JVM pools), the task id the
 * host gave it, and optional filters (a test-name pattern, engine unique ids of selected tests).
 */
public record FileSpec(String moduleId, String fileId, Optional<String> testNamePattern, List<String> testIds) {
  public FileSpec {
    Objects.requireNonNull(moduleId, "moduleId");
    Objects.requireNonNull(fileId, "fileId");
    testNamePattern = Optional.ofNullable(testNamePattern).flatMap(p -> p);
    testIds = List.copyOf(testIds == null ? List.of() : testIds);
  }

  public static FileSpec of(String moduleId, String fileId) {
    return new FileSpec(moduleId, fileId, Optional.empty(), List.of());
  }
}
