package dev.lanes.pool.forks;

import dev.lanes.runtime.ClassPathSplit;
import dev.lanes.runtime.WorkerMain;
import dev.lanes.runtime.fork.ForkMain;
import dev.lanes.spi.Coverage;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.WorkerEnvironment;
import dev.lanes.spi.WorkerOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Starts worker JVMs: the flags (short-lived-worker defaults unless the user set their own, the heap,
 * the class-data archive), the class path (the project's plus the worker runtime), the environment,
 * and the command, which {@link JvmLauncher} may change. Keeps one spare JVM started ahead of need.
 */
final class WorkerJvms {
  private static final List<Path> RUNTIME = WorkerMain.classpath();

  private final ForksOptions options;
  private final JvmLauncher launcher;
  private final ClassDataArchives archives;
  private final ClassFolders folders;
  private final Consumer<String> warn;
  private final java.util.Map<TestProject, ResourceView> views = new java.util.HashMap<>();
  private final java.util.Map<TestProject, InstrumentedClasses> instrumented = new java.util.HashMap<>();
  private Launched spare;
  private Runnable spareKill;
  private boolean closed;

  WorkerJvms(ForksOptions options, JvmLauncher launcher, ClassDataArchives archives, ClassFolders folders,
             Consumer<String> warn) {
    this.options = options;
    this.launcher = launcher;
    this.archives = archives;
    this.folders = folders;
    this.warn = warn;
  }

  /**
   * A started worker JVM, the channel it connects to, how long it may take to exit after that closes, and the folder it
   * runs in (where the JVM writes the report of a crash).
   */
  record Launched(Process process, PrivateChannel channel, TestProject project, long exitMillis, Path directory) {
    void discard() {
      process.destroyForcibly();
      channel.close();
    }
  }

  /**
   * A worker JVM for {@code worker}: the spare started ahead of need when it is for the same project,
   * else a new one. For isolated workers (a fresh JVM per file, unless each file gets a class loader of its
   * own instead) the next spare starts at once, so its start-up overlaps the file this one runs.
   */
  Launched take(WorkerOptions worker) throws IOException {
    Launched taken;
    synchronized (this) {
      if (closed) {
        throw new IOException("the pool is closed");
      }
      taken = spare != null && spare.project().equals(worker.project()) && spare.process().isAlive() ? spare : null;
      if (spare != null && taken == null) {
        spare.discard();
      }
      setSpare(null);
    }
    if (taken == null) {
      taken = launch(worker);
    }
    if (worker.isolate() && folders == ClassFolders.PER_WORKER) {
      Launched next;
      try {
        next = launch(worker);
      } catch (IOException e) {
        return taken; // no spare (the run is ending, or JVMs cannot start: the taken one says why)
      }
      synchronized (this) {
        if (closed || spare != null) {
          next.discard();
        } else {
          setSpare(next);
        }
      }
    }
    return taken;
  }

  /** A warning of the pool's, for the person running the tests. */
  void warn(String message) {
    warn.accept(message);
  }

  /** Ends the spare: the pool is closing. */
  void close() {
    synchronized (this) {
      closed = true;
      if (spare != null) {
        spare.discard();
        setSpare(null);
      }
    }
    archives.close(); // the next run finds the archive a training JVM is writing
    synchronized (views) {
      for (ResourceView view : views.values()) {
        view.delete();
      }
      views.clear();
    }
    synchronized (instrumented) {
      instrumented.values().forEach(InstrumentedClasses::delete);
      instrumented.clear();
    }
  }

  /** The spare is the reaper's until a worker takes it (then the worker answers for it). */
  private void setSpare(Launched next) {
    if (spareKill != null) {
      Reaper.remove(spareKill);
      spareKill = null;
    }
    spare = next;
    if (next != null) {
      spareKill = next::discard;
      Reaper.add(spareKill);
    }
  }

  private Launched launch(WorkerOptions worker) throws IOException {
    PrivateChannel channel = PrivateChannel.open();
    try {
      return launch(worker, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private Launched launch(WorkerOptions worker, PrivateChannel channel) throws IOException {
    TestProject project = worker.project();
    WorkerEnvironment environment = project.environment();
    List<String> userFlags = new ArrayList<>(options.execArgv());
    userFlags.addAll(environment.jvmArgs());
    List<String> flags = new ArrayList<>(defaultFlags(userFlags, folders == ClassFolders.PER_FILE || !worker.isolate()));
    if (options.maxHeap() != null) {
      flags.add("-Xmx" + options.maxHeap());
    }
    flags.addAll(options.execArgv());
    flags.addAll(environment.jvmArgs()); // Surefire's argLine: after the pool's own, so its flags win
    environment.systemProperties().forEach((key, value) -> flags.add("-D" + key + "=" + value));
    // a build's own JaCoCo agent (in its argLine) measures itself
    Optional<Coverage> coverage = userFlags.stream().anyMatch(JacocoAgent::isJacocoAgent) ? Optional.empty()
        : project.coverage();
    // The JVM's class path is the jars a class-data archive can hold first, then the jars that change between runs,
    // then the project's own entries (its class folders and the jars that share their packages, which no library jar
    // shares a class with). In forks they come last on the JVM's class path itself, as one class path under Surefire:
    // a library that looks up the project's classes by name with its own loader (Java serialization) finds them. In
    // vmForks every file gets them afresh (ClassFoldersLoader), and the libraries other than the test framework are
    // loaded by the worker's LibraryLoader, which hands such a library the running file's classes; the JVM's class
    // path then ends with the folders' resources (ResourceView), so its system class loader sees the test resources.
    // entries that do not exist (a module without main classes has no target/classes) add nothing, and would make the
    // archive's class path differ from the one the workers later see
    ClassPathSplit split = ClassPathSplit.of(project.classpath().stream().filter(Files::exists).toList());
    boolean perFile = folders == ClassFolders.PER_FILE && !split.own().isEmpty();
    List<Path> archivable = new ArrayList<>();
    List<Path> changing = new ArrayList<>();
    List<Path> libraries = new ArrayList<>(); // the worker's LibraryLoader's, in vmForks
    List<Path> framework = perFile ? ClassPathSplit.testFramework(split.libraries()).libraries() : split.libraries();
    for (Path jar : split.libraries()) {
      if (!framework.contains(jar)) {
        libraries.add(jar);
      } else {
        (changesBetweenRuns(jar, project) ? changing : archivable).add(jar);
      }
    }
    archivable.addAll(RUNTIME);
    List<Path> own = new ArrayList<>(split.own());
    Optional<ModulePathLayout> modules = environment.useModulePath() // a project with a module-info.java
        ? ModulePathLayout.of(project.classpath().stream().filter(Files::exists).toList(),
            split.own().stream().filter(Files::isDirectory).toList(), warn)
        : Optional.empty();
    // coverage: the host instruments the project's classes for JaCoCo's runtime on the class path (InstrumentedClasses);
    // on the module path, JaCoCo's agent does
    boolean offline = coverage.isPresent() && modules.isEmpty();
    if (offline) {
      own.add(0, instrumented(project, split.own(), coverage.get()));
      archivable.add(JacocoAgent.jar());
    } else {
      coverage.map(JacocoAgent::flag).ifPresent(flags::add);
    }
    List<Path> front = new ArrayList<>(own);
    front.addAll(libraries);
    front.addAll(changing);
    List<Path> classFolders = perFile ? own : List.of();
    List<Path> classpath = new ArrayList<>(archivable);
    classpath.addAll(changing);
    if (perFile) {
      resources(project, split.own()).ifPresent(classpath::add);
    } else {
      classpath.addAll(own);
    }
    ClassDataArchives.Use archive = ClassDataArchives.Use.NONE;
    if (modules.isPresent()) {
      // the module's classes are the boot layer's: one set per JVM, as in Surefire's fork; no archive either
      classpath = new ArrayList<>(modules.get().classpath());
      classpath.addAll(RUNTIME);
      flags.addAll(modules.get().flags());
      classFolders = List.of();
    } else if (options.classDataSharing()) {
      // the training JVM may load an instrumented class: what it measures goes nowhere
      List<String> training = new ArrayList<>(flags);
      if (offline) {
        training.add(JacocoAgent.OFFLINE_NO_OUTPUT);
      }
      archive = archives.use(options.javaExecutable(), project, archivable, front, training, warn);
    }
    List<String> launchFlags = new ArrayList<>(flags);
    if (offline) {
      launchFlags.addAll(JacocoAgent.offlineFlags(coverage.get()));
    }
    launchFlags.addAll(archive.flags());
    // a worker may be started before its slot is known (a spare): its name is its pool's
    launchFlags.add("-Dlanes.worker=" + worker.pool());
    List<String> arguments = new ArrayList<>(List.of(channel.address(), "lanes-" + worker.pool() + "-worker",
        String.join(File.pathSeparator, classFolders.stream().map(Path::toString).toList())));
    if (perFile && !classFolders.isEmpty()) {
      arguments.add(ForkMain.PER_FILE);
      arguments.add(String.join(File.pathSeparator, libraries.stream().map(Path::toString).toList()));
    }
    Map<String, String> added = new java.util.LinkedHashMap<>(options.env());
    added.putAll(environment.environment());
    added.put(ForkMain.TOKEN_ENV, channel.token());
    JvmLaunch launch = new JvmLaunch(options.javaExecutable(), launchFlags, classpath, ForkMain.class.getName(),
        arguments, project, worker.poolId(), added);
    Path directory = environment.workingDirectory().orElse(project.root());
    Files.createDirectories(directory); // as Surefire makes its workingDirectory
    ProcessBuilder builder = new ProcessBuilder(launcher.command(launch)).directory(directory.toFile());
    builder.environment().putAll(launch.environment());
    Process process = Reaper.start(builder);
    return new Launched(process, channel, project, 2_000, directory);
  }

  /** The project's resource view, made on its first worker; empty when it has no class folders. */
  private Optional<Path> resources(TestProject project, List<Path> own) throws IOException {
    List<Path> folders = own.stream().filter(Files::isDirectory).toList();
    if (folders.isEmpty()) {
      return Optional.empty();
    }
    synchronized (views) {
      ResourceView view = views.get(project);
      if (view == null) {
        view = ResourceView.of(folders);
        views.put(project, view);
        Reaper.add(view::delete); // a run ended by a signal deletes it too
      }
      return Optional.of(view.folder());
    }
  }

  /** The project's measured classes, instrumented (made on its first worker, brought up to date on every one). */
  private Path instrumented(TestProject project, List<Path> own, Coverage coverage) throws IOException {
    InstrumentedClasses classes;
    synchronized (instrumented) {
      classes = instrumented.get(project);
      if (classes == null) {
        classes = InstrumentedClasses.of(own.stream().filter(Files::isDirectory).toList(), coverage, warn);
        instrumented.put(project, classes);
        Reaper.add(classes::delete); // a run ended by a signal deletes it too
      }
    }
    return classes.refresh();
  }

  /**
   * Whether a jar is rebuilt between runs (a module of the same build, a jar in the project's own folders): an archive
   * holding it would be made anew every run, so it stays out of the archive.
   */
  static boolean changesBetweenRuns(Path jar, TestProject project) {
    Path absolute = jar.toAbsolutePath().normalize();
    if (absolute.startsWith(project.root().toAbsolutePath().normalize())) {
      return true;
    }
    for (Path part : absolute) {
      if (part.toString().equals("target") || part.toString().equals("build")) {
        return true;
      }
    }
    return false;
  }

  /**
   * C1 only (one compiler thread) suits short-lived workers (a JVM per file); a worker that lives across files
   * ({@code longLived}: vmForks, or {@code isolate = false}) keeps the JVM's own JIT, as Surefire's fork does, since it
   * runs long enough to pay for it. The collector is the JVM's own, as in Surefire's fork: a test that needs much of a
   * small heap at once (an array of most of an {@code -Xmx25M}) fails under the Serial collector's fixed generations
   * where it passes under G1. Each is left out when the user's flags set their own. An
   * {@code OutOfMemoryError} is the test's, as under Surefire (some tests provoke one and catch it); the worker of a
   * file that failed with one is retired.
   */
  static List<String> defaultFlags(List<String> user, boolean longLived) {
    List<String> flags = new ArrayList<>();
    if (!longLived && user.stream().noneMatch(f -> f.startsWith("-XX:TieredStopAtLevel")
        || f.contains("TieredCompilation") || f.startsWith("-XX:CICompilerCount"))) {
      flags.add("-XX:TieredStopAtLevel=1");
      flags.add("-XX:CICompilerCount=1"); // one C1 thread is plenty for a worker's life (measured: ≈ 5-10% less CPU)
    }
    // no hsperfdata file in the temporary folder (a killed worker would leave it behind)
    flags.add("-XX:-UsePerfData");
    // the JVM's own messages go to stderr, never to stdout
    flags.add("-Xlog:disable");
    flags.add("-Xlog:all=warning:stderr");
    return flags;
  }
}
