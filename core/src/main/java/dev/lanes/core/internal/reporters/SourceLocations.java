package dev.lanes.core.internal.reporters;

import dev.lanes.spi.TestCase;
import dev.lanes.spi.protocol.TestError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a failure is in the sources: the first frame of the error's stack in the test's own class (its file and
 * line), the file found below the root's usual source folders. Reporters that point at lines (GitHub annotations,
 * the HTML report) use it.
 */
final class SourceLocations {
  private static final Pattern FRAME = Pattern.compile("([\\w$.]+)\\.[\\w$<>]+\\(([\\w$-]+\\.\\w+):(\\d+)\\)");
  private static final List<String> SOURCE_DIRS = List.of("src/test/java", "src/test/kotlin", "src/test/groovy",
      "src/test/scala", "src/test/js", "src/main/java", "");

  private SourceLocations() {
  }

  /** A file (relative to the root, with '/') and a 1-based line. */
  record Location(String file, int line) {
  }

  static Optional<Location> of(Path root, TestCase test, TestError error) {
    String testClass = test.className().orElse(test.module().moduleId());
    String outer = outerClass(testClass);
    Optional<Location> inTest = Optional.empty();
    Optional<Location> first = Optional.empty();
    for (String line : error.stack().orElse("").lines().toList()) {
      Matcher frame = FRAME.matcher(line);
      if (!frame.find()) {
        continue;
      }
      String className = outerClass(frame.group(1));
      Optional<Location> found = find(root, className, frame.group(2), Integer.parseInt(frame.group(3)));
      if (first.isEmpty()) {
        first = found;
      }
      if (className.equals(outer) && found.isPresent()) {
        inTest = found;
        break;
      }
    }
    if (inTest.isPresent()) {
      return inTest;
    }
    if (first.isPresent()) {
      return first;
    }
    // a source file of its own (a browser or type test): the module id is its path
    String moduleId = test.module().moduleId();
    return Files.isRegularFile(root.resolve(moduleId)) ? Optional.of(new Location(moduleId, 1)) : Optional.empty();
  }

  private static Optional<Location> find(Path root, String className, String fileName, int line) {
    int dot = className.lastIndexOf('.');
    String folder = dot < 0 ? "" : className.substring(0, dot).replace('.', '/') + "/";
    for (String dir : SOURCE_DIRS) {
      String relative = (dir.isEmpty() ? "" : dir + "/") + folder + fileName;
      if (Files.isRegularFile(root.resolve(relative))) {
        return Optional.of(new Location(relative, line));
      }
    }
    return Optional.empty();
  }

  private static String outerClass(String className) {
    int dollar = className.indexOf('$');
    return dollar < 0 ? className : className.substring(0, dollar);
  }
}
