package dev.lanes.pool.forks;

import dev.lanes.spi.TestProject;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a worker JVM is started with.
 *
 * @param java the {@code java} executable
 * @param jvmFlags every JVM flag, the user's {@code execArgv} included
 * @param classpath the test class path plus the Lanes worker runtime
 * @param mainClass the worker's main class
 * @param arguments the worker's arguments (its channel address)
 * @param project the project the worker runs files of
 * @param poolId the worker's slot, 1..maxWorkers
 * @param environment what Lanes adds to the worker's environment (which inherits this JVM's): {@code env} of the
 *     pool's options and the project's, and the channel's token; a launcher that runs the command elsewhere (over
 *     ssh, in a container) passes these on
 */
public record JvmLaunch(Path java, List<String> jvmFlags, List<Path> classpath, String mainClass,
                        List<String> arguments, TestProject project, int poolId, Map<String, String> environment) {
  public JvmLaunch {
    jvmFlags = List.copyOf(jvmFlags);
    classpath = List.copyOf(classpath);
    arguments = List.copyOf(arguments);
    environment = Map.copyOf(environment);
  }

  /** The same launch with {@code flags} added after its own (a launcher that adds one flag needs nothing else). */
  public JvmLaunch withJvmFlags(List<String> flags) {
    List<String> all = new ArrayList<>(jvmFlags);
    all.addAll(flags);
    return new JvmLaunch(java, all, classpath, mainClass, arguments, project, poolId, environment);
  }

  /** {@code java <flags> -cp <classpath> <mainClass> <arguments>}. */
  public List<String> command() {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(jvmFlags);
    command.add("-cp");
    command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(mainClass);
    command.addAll(arguments);
    return command;
  }
}
