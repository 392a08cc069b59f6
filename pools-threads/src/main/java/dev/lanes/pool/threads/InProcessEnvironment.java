package dev.lanes.pool.threads;

import dev.lanes.spi.PoolContext;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.WorkerEnvironment;
import java.util.ArrayList;
import java.util.List;

/**
 * What a project asks of its tests' JVM that an in-process pool cannot give: its tests run in the JVM that runs Lanes
 * (Maven's, under {@code mvn test}), whose flags, environment, working folder and system properties are its own.
 * Said once per project, when the pool starts, rather than found out from a failing test.
 */
final class InProcessEnvironment {
  private InProcessEnvironment() {
  }

  static void warnOfWhatNoTestSees(PoolContext context) {
    for (TestProject project : context.projects()) {
      List<String> unapplied = new ArrayList<>(unapplied(project.environment()));
      if (project.environment().useModulePath() && project.classpath().stream()
          .anyMatch(entry -> java.nio.file.Files.isRegularFile(entry.resolve("module-info.class")))) {
        unapplied.add("the module path (its classes hold a module-info.class; useModulePath)");
      }
      if (!unapplied.isEmpty()) {
        context.logger().warn("[" + context.poolName() + "] " + (project.name().isEmpty() ? "" : "project '"
            + project.name() + "': ") + String.join("; ", unapplied) + " cannot reach the tests: " + context.poolName()
            + " runs them in Lanes' own JVM (Maven's under mvn test). Run them in vmForks or forks, which start JVMs "
            + "with these, or send the classes that need them there with poolMatchGlobs.");
      }
    }
  }

  /** The settings of {@code environment} that a JVM already running cannot take ({@code -ea} it can: per loader). */
  static List<String> unapplied(WorkerEnvironment environment) {
    List<String> unapplied = new ArrayList<>();
    List<String> flags = environment.jvmArgs().stream()
        .filter(flag -> !flag.equals("-ea") && !flag.equals("-enableassertions")).toList();
    if (!flags.isEmpty()) {
      unapplied.add("JVM flags " + String.join(" ", flags));
    }
    if (!environment.systemProperties().isEmpty()) {
      unapplied.add("system properties " + String.join(", ", environment.systemProperties().keySet()));
    }
    if (!environment.environment().isEmpty()) {
      unapplied.add("environment variables " + String.join(", ", environment.environment().keySet()));
    }
    environment.workingDirectory().ifPresent(dir -> unapplied.add("working directory " + dir));
    return unapplied;
  }
}
