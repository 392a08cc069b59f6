package dev.lanes.core.internal.discovery;

import dev.lanes.core.ProjectConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Finds a project's test files: class files below its {@code testClassDirs} whose path matches an
 * {@code include} glob and no {@code exclude} glob, sorted by class name. {@code **}{@code /} in a
 * glob also matches classes of the default package.
 */
public final class TestClassScanner {
  private TestClassScanner() {
  }

  /** A test class found, with the path its globs were matched against ({@code com/acme/FooTest.class}). */
  public record Found(String className, String relativePath) {
  }

  public static List<Found> scan(ProjectConfig project) {
    List<PathMatcher> include = matchers(project.include());
    List<PathMatcher> exclude = matchers(project.exclude());
    TreeSet<String> seen = new TreeSet<>();
    List<Found> found = new ArrayList<>();
    for (Path dir : project.testClassDirs()) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(f -> f.toString().endsWith(".class")).sorted().forEach(file -> {
          Path relative = dir.relativize(file);
          if (matches(include, relative) && !matches(exclude, relative)) {
            String path = relative.toString().replace('\\', '/');
            String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
            if (seen.add(className)) {
              found.add(new Found(className, path));
            }
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read test classes in " + dir, e);
      }
    }
    found.sort((a, b) -> a.className().compareTo(b.className()));
    return found;
  }

  /**
   * The test files of a project whose pool takes sources (typecheck, browser): files below its
   * {@code testSourceDirs} matching its {@code <pool>.include} globs and none of {@code <pool>.exclude}, as paths
   * from the project root ({@code src/test/java/com/acme/ListsTypeTest.java}), sorted. {@code node_modules}
   * folders are not walked.
   */
  public static List<String> scanSources(ProjectConfig project) {
    List<PathMatcher> include = matchers(project.sources().include());
    List<PathMatcher> exclude = matchers(project.sources().exclude());
    TreeSet<String> found = new TreeSet<>();
    for (Path dir : project.sources().dirs()) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.filter(Files::isRegularFile)
            .filter(file -> !dir.relativize(file).toString().replace('\\', '/').matches("(.*/)?node_modules/.*"))
            .forEach(file -> {
              Path relative = dir.relativize(file);
              if (matches(include, relative) && !matches(exclude, relative)) {
                found.add(project.root().relativize(file).toString().replace('\\', '/'));
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read test sources in " + dir, e);
      }
    }
    return List.copyOf(found);
  }

  /** The pool of the first {@code poolMatchGlobs} entry matching {@code relativePath}, if any. */
  public static Optional<ProjectConfig.PoolMatch> poolFor(ProjectConfig project, String relativePath) {
    for (ProjectConfig.PoolMatch match : project.poolMatchGlobs()) {
      if (matches(matchers(List.of(match.glob())), Path.of(relativePath))) {
        return Optional.of(match);
      }
    }
    return Optional.empty();
  }

  private static List<PathMatcher> matchers(List<String> globs) {
    List<PathMatcher> matchers = new ArrayList<>();
    for (String glob : globs) {
      matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
      if (glob.startsWith("**/")) {
        matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
      }
    }
    return matchers;
  }

  private static boolean matches(List<PathMatcher> matchers, Path path) {
    for (PathMatcher matcher : matchers) {
      if (matcher.matches(path)) {
        return true;
      }
    }
    return false;
  }
}
