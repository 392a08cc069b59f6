package dev.lanes.pool.forks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code poolOptions.forks}.
 *
 * @param execArgv JVM flags of every worker, e.g. {@code ["-Xss4m", "-Dfoo=bar"]}; short-lived-worker flags
 *     (C1 only, Serial GC) are added unless these set their own
 * @param env environment variables added to the worker's (which inherits this process's)
 * @param javaHome the JDK workers run on (default: the one running Lanes), e.g. a JDK 25 beside JDK 17
 * @param maxHeap the worker's {@code -Xmx}, e.g. {@code "512m"}
 * @param classDataSharing whether workers share a class-data archive of the test class path, made on first use
 *     and kept in the project's {@code target/lanes-cds}
 */
public record ForksOptions(List<String> execArgv, Map<String, String> env, String javaHome, String maxHeap,
                           Boolean classDataSharing) {
  private static final Pattern HEAP = Pattern.compile("[0-9]+[kKmMgGtT]?");

  /** The options of a user who wrote none: what a module that nests them starts from. */
  public static ForksOptions defaults() {
    return new ForksOptions(null, null, null, null, null);
  }

  public ForksOptions {
    execArgv = execArgv == null ? List.of() : List.copyOf(execArgv);
    env = env == null ? Map.of() : Map.copyOf(env);
    classDataSharing = classDataSharing == null || classDataSharing;
    if (maxHeap != null && !HEAP.matcher(maxHeap).matches()) {
      throw new IllegalArgumentException("maxHeap must be a size such as \"512m\" or \"2g\", was \"" + maxHeap + "\"");
    }
    if (javaHome != null && !Files.isExecutable(java(Path.of(javaHome)))) {
      throw new IllegalArgumentException("javaHome \"" + javaHome + "\" is not a JDK: it has no executable bin/java");
    }
  }

  /** The {@code java} launcher of the JDK workers run on. */
  Path javaExecutable() {
    return java(javaHome == null ? Path.of(System.getProperty("java.home")) : Path.of(javaHome));
  }

  private static Path java(Path home) {
    boolean windows = System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    return home.resolve("bin").resolve(windows ? "java.exe" : "java");
  }
}
