package dev.lanes.core;

import dev.lanes.spi.TestFiles;
import dev.lanes.spi.WorkerEnvironment;
import dev.lanes.spi.protocol.WorkerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One project as resolved from configuration: where its classes are, which files to run, in which
 * pool, and how. {@code poolMatchGlobs} pairs a glob over class file paths with a pool; {@code workerSettings} is what
 * each worker is told (the test time-out, retries, tags, the JUnit Platform's configuration parameters, the memory
 * limit in bytes). A pool whose provider declares source files ({@link TestFiles}) takes files below
 * {@code testSourceDirs}: {@code poolGlobs} are the user's {@code <pool name>.include}/{@code exclude} overrides by
 * pool name, and {@code sourceFiles} what the project's pool takes once its provider is known
 * ({@link #withFiles}; empty for test classes). {@code environment} is what the tests' JVM gets: flags, system
 * properties, environment variables, working folder.
 */
public record ProjectConfig(String name, Path root, String pool, String poolOrigin, List<Path> classpath,
                            List<Path> testClassDirs, List<String> include, List<String> exclude,
                            List<PoolMatch> poolMatchGlobs, boolean isolate, int maxWorkers,
                            Duration teardownTimeout, List<Path> testSourceDirs, Map<String, PoolGlobs> poolGlobs,
                            Optional<SourceFiles> sourceFiles, int groupOrder, WorkerSettings workerSettings,
                            WorkerEnvironment environment) {
  public ProjectConfig {
    Objects.requireNonNull(name, "name");
    classpath = List.copyOf(classpath);
    testClassDirs = List.copyOf(testClassDirs);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    poolMatchGlobs = List.copyOf(poolMatchGlobs);
    testSourceDirs = List.copyOf(testSourceDirs);
    poolGlobs = Map.copyOf(poolGlobs);
    Objects.requireNonNull(sourceFiles, "sourceFiles");
    Objects.requireNonNull(workerSettings, "workerSettings");
    Objects.requireNonNull(environment, "environment");
  }

  /** The time one test may take; zero for no limit. */
  public Duration testTimeout() {
    return workerSettings.testTimeout();
  }

  /** The memory in bytes a worker that runs each file apart may keep after a file. */
  public long vmMemoryLimit() {
    return workerSettings.vmMemoryLimit();
  }

  public int retry() {
    return workerSettings.retry();
  }

  public List<String> tags() {
    return workerSettings.tags();
  }

  public Map<String, String> configurationParameters() {
    return workerSettings.configurationParameters();
  }

  /** Whether this project's files are source files below {@code testSourceDirs} (its pool's kind), not classes. */
  public boolean takesSources() {
    return sourceFiles.isPresent();
  }

  /** The source files of a project that {@linkplain #takesSources() takes sources}. */
  public SourceFiles sources() {
    return sourceFiles.orElseThrow(() -> new IllegalStateException("project '" + name + "' takes test classes"));
  }

  /**
   * This project with the files its pool's provider (named {@code providerName}) declares: source files take the
   * user's {@code <providerName>.include}/{@code exclude} where written, the provider's globs otherwise.
   */
  public ProjectConfig withFiles(String providerName, TestFiles files) {
    Optional<SourceFiles> sources = Optional.empty();
    if (files.takesSources()) {
      Optional<PoolGlobs> given = Optional.ofNullable(poolGlobs.get(providerName));
      sources = Optional.of(new SourceFiles(testSourceDirs, providerName,
          given.flatMap(PoolGlobs::include).orElse(files.include()),
          given.flatMap(PoolGlobs::exclude).orElse(files.exclude()), files.needsClasspath()));
    }
    return new ProjectConfig(name, root, pool, poolOrigin, classpath, testClassDirs, include, exclude, poolMatchGlobs,
        isolate, maxWorkers, teardownTimeout, testSourceDirs, poolGlobs, sources, groupOrder, workerSettings,
        environment);
  }

  /** Test files that are sources: globs over the files below {@code dirs}, for the pool named {@code pool}. */
  public record SourceFiles(List<Path> dirs, String pool, List<String> include, List<String> exclude,
                            boolean needsClasspath) {
    public SourceFiles {
      dirs = List.copyOf(dirs);
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
    }
  }

  /** {@code <pool>.include} and {@code <pool>.exclude} as the user wrote them, and where. */
  public record PoolGlobs(String origin, Optional<List<String>> include, Optional<List<String>> exclude) {
  }

  /** A glob over class file paths and the pool its files run in; {@code origin} says where it was written. */
  public record PoolMatch(String glob, String pool, String origin) {
  }
}
