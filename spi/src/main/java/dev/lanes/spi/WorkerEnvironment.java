package dev.lanes.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the tests of a project see of the JVM they run in, beyond their class path: Surefire's {@code argLine},
 * {@code systemPropertyVariables}, {@code environmentVariables} and {@code workingDirectory}. A pool that starts JVMs
 * gives them these; an in-process pool cannot (its JVM's flags, environment and folder are fixed), and says so.
 *
 * @param jvmArgs flags of the worker JVM, after the pool's own ({@code --add-opens ...}, {@code -javaagent:...})
 * @param systemProperties set in the worker JVM before any test runs ({@code -Dkey=value})
 * @param environment added to the worker's environment, which inherits the host's
 * @param workingDirectory the folder a worker JVM starts in; empty: the project's root
 * @param useModulePath whether a project whose classes hold a {@code module-info.class} has its tests run on the module
 *     path, as Surefire's {@code useModulePath} (its default) does
 */
public record WorkerEnvironment(List<String> jvmArgs, Map<String, String> systemProperties,
                                Map<String, String> environment, Optional<Path> workingDirectory,
                                boolean useModulePath) {
  private static final WorkerEnvironment NONE = new WorkerEnvironment(List.of(), Map.of(), Map.of(), Optional.empty(),
      true);

  public WorkerEnvironment {
    jvmArgs = List.copyOf(jvmArgs);
    systemProperties = Map.copyOf(systemProperties);
    environment = Map.copyOf(environment);
    workingDirectory = Objects.requireNonNullElse(workingDirectory, Optional.empty());
  }

  /** Nothing set: the JVM's own properties and environment, in the project's root. */
  public static WorkerEnvironment none() {
    return NONE;
  }

  /** Whether anything is set, which an in-process pool cannot apply. */
  public boolean isEmpty() {
    return jvmArgs.isEmpty() && systemProperties.isEmpty() && environment.isEmpty() && workingDirectory.isEmpty();
  }

  /** Whether the JVM flags turn assertions on ({@code -ea}, {@code -enableassertions}) for every class. */
  public boolean enablesAssertions() {
    return jvmArgs.contains("-ea") || jvmArgs.contains("-enableassertions");
  }
}
