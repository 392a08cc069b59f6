package dev.lanes.pool.forks;

import dev.lanes.runtime.WorkerMain;
import dev.lanes.runtime.fork.ForkMain;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.Message;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Starts worker JVMs: the flags (short-lived-worker defaults unless the user set their own, the heap,
 * the class-data archive), the class path (the project's plus the worker runtime), the environment,
 * and the command, which {@link JvmLauncher} may change.
 */
final class WorkerJvms {
  private static final List<Path> RUNTIME = runtimeClasspath();

  private final ForksOptions options;
  private final JvmLauncher launcher;
  private final ClassDataArchives archives;

  WorkerJvms(ForksOptions options, JvmLauncher launcher, ClassDataArchives archives) {
    this.options = options;
    this.launcher = launcher;
    this.archives = archives;
  }

  /** A started worker JVM, and how long it may take to exit after its channel closes. */
  record Launched(Process process, long exitMillis) {
  }

  Launched start(WorkerOptions worker, String address, String token) throws IOException {
    List<Path> classpath = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    for (Path entry : worker.project().classpath()) {
      if (Files.isDirectory(entry)) {
        folders.add(entry.toString()); // loaded in front of the class path by the worker (see ClassFoldersLoader)
      } else {
        classpath.add(entry);
      }
    }
    classpath.addAll(RUNTIME);
    List<String> flags = new ArrayList<>(defaultFlags(options.execArgv()));
    if (options.maxHeap() != null) {
      flags.add("-Xmx" + options.maxHeap());
    }
    ClassDataArchives.Use archive = options.classDataSharing()
        ? archives.use(options.javaExecutable(), worker.project(), classpath) : ClassDataArchives.Use.NONE;
    flags.addAll(archive.flags());
    flags.add("-Dlanes.worker=" + worker.pool() + "-" + worker.poolId());
    flags.addAll(options.execArgv());
    JvmLaunch launch = new JvmLaunch(options.javaExecutable(), flags, classpath, ForkMain.class.getName(),
        List.of(address, "lanes-" + worker.pool() + "-worker-" + worker.poolId(),
            String.join(File.pathSeparator, folders)), worker.project(), worker.poolId());
    ProcessBuilder builder = new ProcessBuilder(launcher.command(launch)).directory(worker.project().root().toFile());
    builder.environment().putAll(options.env());
    builder.environment().put(ForkMain.TOKEN_ENV, token);
    Process process = builder.start();
    archive.onExit(process);
    return new Launched(process, 2_000 + archive.exitMillis());
  }

  /** C1 only and the Serial GC suit short-lived workers; out of memory ends the worker, with a clear report. */
  static List<String> defaultFlags(List<String> user) {
    List<String> flags = new ArrayList<>();
    if (user.stream().noneMatch(f -> f.startsWith("-XX:TieredStopAtLevel") || f.contains("TieredCompilation"))) {
      flags.add("-XX:TieredStopAtLevel=1");
    }
    if (user.stream().noneMatch(f -> f.matches("-XX:[+-]Use\\w*GC"))) {
      flags.add("-XX:+UseSerialGC");
    }
    if (user.stream().noneMatch(f -> f.contains("OnOutOfMemoryError"))) {
      flags.add("-XX:+ExitOnOutOfMemoryError");
    }
    // no hsperfdata file in the temporary folder (a killed worker would leave it behind)
    flags.add("-XX:-UsePerfData");
    // the JVM's own messages go to stderr, never to stdout
    flags.add("-Xlog:disable");
    flags.add("-Xlog:all=warning:stderr");
    return flags;
  }

  /** The worker runtime (shaded jar, or class folders plus Jackson during development) and the protocol. */
  private static List<Path> runtimeClasspath() {
    Set<Path> entries = new LinkedHashSet<>();
    Path runtime = location(WorkerMain.class);
    entries.add(runtime);
    entries.add(location(Message.class));
    if (Files.isDirectory(runtime)) {
      // during development the runtime is a class folder and its Jackson is not shaded into it
      for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
          "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.datatype.jdk8.Jdk8Module")) {
        try {
          entries.add(location(Class.forName(name, false, WorkerMain.class.getClassLoader())));
        } catch (ClassNotFoundException e) {
          // shaded after all
        }
      }
    }
    return List.copyOf(entries);
  }

  private static Path location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the jar of " + type.getName() + ". This is a bug in Lanes.", e);
    }
  }
}
