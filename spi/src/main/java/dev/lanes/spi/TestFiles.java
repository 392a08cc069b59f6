package dev.lanes.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a pool's test files are, which its provider declares ({@link PoolProvider#testFiles()}): the project's test
 * classes (found by its {@code include}/{@code exclude} globs over {@code testClassDirs}; the default), or source
 * files of the pool's own kind — type tests, JavaScript modules, scripts — found by globs over the files below the
 * project's {@code testSourceDirs}. For source files, {@code include} and {@code exclude} are the pool's defaults; a
 * user overrides them with {@code <pool name>.include} and {@code <pool name>.exclude} in {@code lanes.conf}. A
 * {@link TestSpecification}'s module id is then the file's path from the project root
 * ({@code src/test/scripts/math.t}). {@code needsClasspath} is false for a pool whose files need no test class path.
 */
public record TestFiles(Kind kind, List<String> include, List<String> exclude, boolean needsClasspath) {
  /** Test classes, or source files. */
  public enum Kind { CLASSES, SOURCES }

  public TestFiles {
    Objects.requireNonNull(kind, "kind");
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
    if (kind == Kind.SOURCES && include.isEmpty()) {
      throw new IllegalArgumentException("a pool that takes source files names them with at least one glob");
    }
  }

  /** The project's test classes, as the JVM pools take them. */
  public static TestFiles classes() {
    return new TestFiles(Kind.CLASSES, List.of(), List.of(), true);
  }

  /** Source files below {@code testSourceDirs} that match {@code include} ({@code "**}{@code /*.t"}) and no {@code exclude}. */
  public static TestFiles sources(List<String> include, List<String> exclude) {
    return new TestFiles(Kind.SOURCES, include, exclude, true);
  }

  /** The same files, for a pool that runs them without a test class path (the browser pool's JavaScript). */
  public TestFiles withoutClasspath() {
    return new TestFiles(kind, include, exclude, false);
  }

  public boolean takesSources() {
    return kind == Kind.SOURCES;
  }
}
