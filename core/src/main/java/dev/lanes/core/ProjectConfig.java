package dev.lanes.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One project as resolved from configuration: where its classes are, which files to run, in which
 * pool, and how. {@code poolMatchGlobs} pairs a glob over class file paths with a pool; {@code vmMemoryLimit}
 * is in bytes; {@code typecheck} says where the type-test sources of a project whose pool is {@code typecheck} are.
 */
public record ProjectConfig(String name, Path root, String pool, String poolOrigin, List<Path> classpath,
                            List<Path> testClassDirs, List<String> include, List<String> exclude,
                            List<PoolMatch> poolMatchGlobs, boolean isolate, int maxWorkers, Duration testTimeout,
                            Duration teardownTimeout, long vmMemoryLimit, SourceFiles typecheck) {
  public ProjectConfig {
    Objects.requireNonNull(name, "name");
    classpath = List.copyOf(classpath);
    testClassDirs = List.copyOf(testClassDirs);
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    poolMatchGlobs = List.copyOf(poolMatchGlobs);
    Objects.requireNonNull(typecheck, "typecheck");
  }

  /** Whether this project's files are type-test sources, checked by the typecheck pool, rather than test classes. */
  public boolean checksTypes() {
    return pool.equals(SourceFiles.TYPECHECK_POOL);
  }

  /** Test files that are sources: globs over the files below {@code dirs} (the typecheck pool's). */
  public record SourceFiles(List<Path> dirs, List<String> include, List<String> exclude) {
    /** The pool whose projects take source files. */
    public static final String TYPECHECK_POOL = "typecheck";

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
