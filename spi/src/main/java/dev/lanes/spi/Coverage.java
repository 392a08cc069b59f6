package dev.lanes.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Code coverage of a project's tests, as JaCoCo measures it: which classes to measure and where the execution data
 * goes. A pool instruments the project's classes with JaCoCo's own library: the forked pools once per run, for
 * JaCoCo's agent runtime on their JVMs' class path (its agent, on the module path; none of theirs when the project's
 * JVM flags hold one already), an in-process pool as its class loaders define them.
 * Either way the data is appended to {@code dataFile}, in JaCoCo's format, so workers and pools of one run add up.
 *
 * @param dataFile JaCoCo's execution data ({@code jacoco.exec}), appended to
 * @param includes class names to measure, JaCoCo's patterns ({@code com.acme.*}; {@code *} for all)
 * @param excludes class names not to measure
 */
public record Coverage(Path dataFile, List<String> includes, List<String> excludes) {
  public Coverage {
    Objects.requireNonNull(dataFile, "dataFile");
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  /** Whether {@code className} (binary, with dots) is measured: it matches an include and no exclude. */
  public boolean measures(String className) {
    return includes.stream().anyMatch(p -> matches(p, className)) && excludes.stream().noneMatch(p -> matches(p, className));
  }

  /** JaCoCo's wildcards: {@code *} any characters (dots too), {@code ?} one; {@code :} separates alternatives. */
  static boolean matches(String pattern, String className) {
    for (String alternative : pattern.split(":")) {
      StringBuilder regex = new StringBuilder();
      for (char c : alternative.toCharArray()) {
        regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
      }
      if (className.matches(regex.toString())) {
        return true;
      }
    }
    return false;
  }
}
