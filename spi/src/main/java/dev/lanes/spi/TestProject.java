package dev.lanes.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One project of a run: its name, root folder, test class path, pool, and the settings a pool
 * needs to run its files.
 */
public record TestProject(String name, Path root, List<Path> classpath, String pool, boolean isolate,
                          int maxWorkers, Duration testTimeout, Duration teardownTimeout) {
  public TestProject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(testTimeout, "testTimeout");
    Objects.requireNonNull(teardownTimeout, "teardownTimeout");
    classpath = List.copyOf(classpath);
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
    }
  }
}
