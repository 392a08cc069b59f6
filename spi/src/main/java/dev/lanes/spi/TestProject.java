package dev.lanes.spi;

import dev.lanes.spi.protocol.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One project of a run: who it is (its name, root folder, test class path, pool), how the scheduler runs it
 * ({@code isolate}, {@code maxWorkers}, {@code teardownTimeout}: how long a worker may take to stop), what each of its
 * workers is told ({@link WorkerSettings}: the test time-out, retries, tags, the JUnit Platform's configuration
 * parameters, the memory limit of a worker that runs each file apart), the JVM its tests run in ({@code environment}:
 * flags, system properties, environment variables, working folder) and, when coverage is on, what JaCoCo measures.
 * Made with {@link #builder}.
 */
public record TestProject(String name, Path root, List<Path> classpath, String pool, boolean isolate,
                          int maxWorkers, Duration teardownTimeout, WorkerSettings settings,
                          WorkerEnvironment environment, Optional<Coverage> coverage) {
  public TestProject {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(teardownTimeout, "teardownTimeout");
    Objects.requireNonNull(settings, "settings");
    classpath = List.copyOf(classpath);
    Objects.requireNonNull(environment, "environment");
    coverage = Objects.requireNonNullElse(coverage, Optional.empty());
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("maxWorkers must be at least 1, was " + maxWorkers);
    }
  }

  /** A project named {@code name} at {@code root} run by {@code pool}: isolated, one worker, the other parts unset. */
  public static Builder builder(String name, Path root, String pool) {
    return new Builder(name, root, pool);
  }

  /** The time one test may take; zero for no limit. */
  public Duration testTimeout() {
    return settings.testTimeout();
  }

  /** The memory in bytes a worker that runs each file apart may keep after a file; {@link Long#MAX_VALUE} for none. */
  public long vmMemoryLimit() {
    return settings.vmMemoryLimit();
  }

  /** How often a failing test runs again before it counts as failed. */
  public int retry() {
    return settings.retry();
  }

  /** JUnit Platform tag expressions; a test runs when it matches any of them (all run when there are none). */
  public List<String> tags() {
    return settings.tags();
  }

  /** The JUnit Platform's configuration parameters for the launcher. */
  public Map<String, String> configurationParameters() {
    return settings.configurationParameters();
  }

  /** Builds a {@link TestProject}. */
  public static final class Builder {
    private final String name;
    private final Path root;
    private final String pool;
    private List<Path> classpath = List.of();
    private boolean isolate = true;
    private int maxWorkers = 1;
    private Duration teardownTimeout = Duration.ofSeconds(10);
    private WorkerSettings.Builder settings = WorkerSettings.builder();
    private WorkerEnvironment environment = WorkerEnvironment.none();
    private Optional<Coverage> coverage = Optional.empty();

    private Builder(String name, Path root, String pool) {
      this.name = name;
      this.root = root;
      this.pool = pool;
    }

    public Builder classpath(List<Path> entries) {
      this.classpath = entries;
      return this;
    }

    public Builder isolate(boolean isolated) {
      this.isolate = isolated;
      return this;
    }

    public Builder maxWorkers(int workers) {
      this.maxWorkers = workers;
      return this;
    }

    public Builder teardownTimeout(Duration timeout) {
      this.teardownTimeout = timeout;
      return this;
    }

    /** What each worker is told; replaces what {@link #testTimeout} and the like set before. */
    public Builder settings(WorkerSettings workerSettings) {
      this.settings = workerSettings.toBuilder();
      return this;
    }

    public Builder testTimeout(Duration timeout) {
      settings.testTimeout(timeout);
      return this;
    }

    public Builder vmMemoryLimit(long bytes) {
      settings.vmMemoryLimit(bytes);
      return this;
    }

    public Builder retry(int retries) {
      settings.retry(retries);
      return this;
    }

    public Builder environment(WorkerEnvironment workerEnvironment) {
      this.environment = workerEnvironment;
      return this;
    }

    public Builder coverage(Optional<Coverage> measured) {
      this.coverage = measured;
      return this;
    }

    public TestProject build() {
      return new TestProject(name, root, classpath, pool, isolate, maxWorkers, teardownTimeout, settings.build(),
          environment, coverage);
    }
  }
}
