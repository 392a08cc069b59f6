package dev.lanes.core;

import dev.lanes.spi.WorkerEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One project as resolved from configuration: where its classes are, which files to run, in which
 * pool, and how. {@code poolMatchGlobs} pairs a glob over class file paths with a pool; {@code vmMemoryLimit}
 * is in bytes; {@code typecheck} and {@code browser} say where the test files of a project whose pool is
 * {@code typecheck} (type-test sources) or {@code browser} (JavaScript modules) are: those pools take source files.
 * {@code tags} are JUnit Platform tag expressions (a test runs if it matches any); {@code configurationParameters} the
 * JUnit Platform's; {@code environment} is what the tests' JVM gets: flags, system properties, environment variables,
 * working folder.
 */
public record ProjectConfig(String name, Path root, String pool, String poolOrigin, List<Path> classpath,
                            List<Path> testClassDirs, List<String> include, List<String> exclude,
                            List<PoolMatch> poolMatchGlobs, boolean isolate, int maxWorkers, Duration testTimeout,
                            Duration teardownTimeout, long vmMemoryLimit, SourceFiles typecheck,
                            SourceFiles browser, int groupOrder, int retry, List<String> tags,
                            Map<String, String> configurationParameters, WorkerEnvironment environment) {
  public ProjectConfig {
    Objects.requireNonNull(name, "name");
    classpath = List.copyOf(classpath);
    testClassDirs = List.copyOf(testClassDirs);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    poolMatchGlobs = List.copyOf(poolMatchGlobs);
    Objects.requireNonNull(typecheck, "typecheck");
    Objects.requireNonNull(browser, "browser");
    tags = List.copyOf(tags);
    configurationParameters = Map.copyOf(configurationParameters);
    Objects.requireNonNull(environment, "environment");
  }

  /** Whether this project's files are type-test sources, checked by the typecheck pool, rather than test classes. */
  public boolean checksTypes() {
    return pool.equals(SourceFiles.TYPECHECK_POOL);
  }

  /** Whether this project's files are source files below {@code testSourceDirs} (typecheck, browser), not classes. */
  public boolean takesSources() {
    return checksTypes() || pool.equals(SourceFiles.BROWSER_POOL);
  }

  /** The globs of a project that {@linkplain #takesSources() takes sources}: {@code <pool>.include}/{@code exclude}. */
  public SourceFiles sources() {
    return checksTypes() ? typecheck : browser;
  }

  /** Test files that are sources: globs over the files below {@code dirs} (the typecheck and browser pools'). */
  public record SourceFiles(List<Path> dirs, List<String> include, List<String> exclude) {
    /** The pool whose projects take type-test sources. */
    public static final String TYPECHECK_POOL = "typecheck";
    /** The pool whose projects take JavaScript modules. */
    public static final String BROWSER_POOL = "browser";

    public SourceFiles {
      dirs = List.copyOf(dirs);
      include = List.copyOf(include);
      exclude = List.copyOf(exclude);
    }
  }

  /** A glob over class file paths and the pool its files run in; {@code origin} says where it was written. */
  public record PoolMatch(String glob, String pool, String origin) {
  }
}
