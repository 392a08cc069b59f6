package dev.lanes.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One project of a run: its name, root folder, test class path, pool, and the settings a pool
 * needs to run its files. {@code vmMemoryLimit} is the memory in bytes a worker that runs each file apart
 * (the vm pools) may report after a file before it is retired and replaced; {@link Long#MAX_VALUE} for none.
 * {@code retry}: how often a failing test runs again before it counts as failed. {@code tags}: JUnit Platform tag
 * expressions; a test runs when it matches any of them (all run when there are none). {@code configurationParameters}:
 * the JUnit Platform's configuration parameters for the launcher ({@code junit.jupiter.execution.parallel.enabled}).
 * {@code environment}: the JVM flags, system properties, environment variables and working folder of the JVM the tests
 * run in. {@code coverage}: what JaCoCo measures and where its data goes, when coverage is on.
 */
public record TestProject(String name, Path root, List<Path> classpath, String pool, boolean isolate,
                          int maxWorkers, Duration testTimeout, Duration teardownTimeout, long vmMemoryLimit,
                          int retry, List<String> tags, Map<String, String> configurationParameters,
                          WorkerEnvironment environment, Optional<Coverage> coverage) {
  public TestProject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(testTimeout, "testTimeout");
    Objects.requireNonNull(teardownTimeout, "teardownTimeout");
    classpath = List.copyOf(classpath);
    tags = List.copyOf(tags);
    configurationParameters = Map.copyOf(configurationParameters);
    Objects.requireNonNull(environment, "environment");
    coverage = Objects.requireNonNullElse(coverage, Optional.empty());
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
    }
    if (vmMemoryLimit <= 0) {
      throw new IllegalArgumentException("vmMemoryLimit must be positive, was " + vmMemoryLimit);
    }
    if (retry < 0) {
      throw new IllegalArgumentException("retry must be 0 or more, was " + retry);
    }
  }

  /** A project without coverage. */
  public TestProject(String name, Path root, List<Path> classpath, String pool, boolean isolate, int maxWorkers,
                     Duration testTimeout, Duration teardownTimeout, long vmMemoryLimit, int retry, List<String> tags,
                     Map<String, String> configurationParameters, WorkerEnvironment environment) {
    this(name, root, classpath, pool, isolate, maxWorkers, testTimeout, teardownTimeout, vmMemoryLimit, retry, tags,
        configurationParameters, environment, Optional.empty());
  }

  /** A project without tags and with the JVM's own environment. */
  public TestProject(String name, Path root, List<Path> classpath, String pool, boolean isolate, int maxWorkers,
                     Duration testTimeout, Duration teardownTimeout, long vmMemoryLimit, int retry) {
    this(name, root, classpath, pool, isolate, maxWorkers, testTimeout, teardownTimeout, vmMemoryLimit, retry,
        List.of(), Map.of(), WorkerEnvironment.none());
  }

  /** A project whose failing tests are not run again. */
  public TestProject(String name, Path root, List<Path> classpath, String pool, boolean isolate, int maxWorkers,
                     Duration testTimeout, Duration teardownTimeout, long vmMemoryLimit) {
    this(name, root, classpath, pool, isolate, maxWorkers, testTimeout, teardownTimeout, vmMemoryLimit, 0, List.of(),
        Map.of(), WorkerEnvironment.none());
  }

  /** A project without a memory limit. */
  public TestProject(String name, Path root, List<Path> classpath, String pool, boolean isolate, int maxWorkers,
                     Duration testTimeout, Duration teardownTimeout) {
    this(name, root, classpath, pool, isolate, maxWorkers, testTimeout, teardownTimeout, Long.MAX_VALUE, 0, List.of(),
        Map.of(), WorkerEnvironment.none());
  }
}
