package dev.lanes.core;

import dev.lanes.core.internal.reporters.RunMessages;
import dev.lanes.core.internal.state.TestRun;
import dev.lanes.core.internal.watch.ClassGraph;
import dev.lanes.core.internal.watch.FolderSnapshot;
import dev.lanes.core.internal.watch.FolderWatcher;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code lanes watch}: runs the suite, then waits for the class folders to change and reruns only the test
 * classes that use what changed. The pools live for the whole session, so a worker that loads each file in a
 * fresh class loader (the vm pools) is kept between reruns; the reporters hear every rerun as a run of its own.
 * Which classes use which comes from their constant pools ({@link ClassGraph}).
 *
 * <p>Not thread-safe: one thread runs and waits; {@link #interrupt()} may come from any thread.
 */
public final class WatchSession implements AutoCloseable {
  /** What a change means: the classes that changed, the files given to the pools as {@code invalidates}, and the test files to rerun. */
  public record Rerun(List<String> changedClasses, List<String> invalidates, List<TestSpecification> specs) {
    public Rerun {
      changedClasses = List.copyOf(changedClasses);
      invalidates = List.copyOf(invalidates);
      specs = List.copyOf(specs);
    }
  }

  private final LanesConfig config;
  private final RunOptions options;
  private final RunSession session;
  private final List<ProjectConfig> projects;
  private final TestRun run;
  private final ClassGraph graph = new ClassGraph();
  private final FolderSnapshot snapshot;
  private final FolderWatcher watcher;
  private volatile boolean running;
  private List<TestSpecification> specs;

  private WatchSession(LanesConfig config, RunOptions options) {
    this.config = config;
    this.options = options;
    List<String> problems = new ArrayList<>(config.problems());
    if (config.settings().shard().isPresent()) {
      problems.add("--shard: You cannot use --shard option with enabled watch; shard in CI with lanes run.");
    }
    if (config.coverage().enabled()) {
      problems.add("coverage: coverage is not measured in watch mode yet (its workers live across reruns); use it with"
          + " lanes run --coverage.");
    }
    if (config.reporters().contains("blob")) {
      problems.add("reporters: the blob reporter is not supported in watch mode; use it with lanes run.");
    }
    this.session = new RunSession(config, options, true, problems);
    this.projects = session.projects();
    this.run = session.run();
    this.specs = session.specifications(Optional.empty(), problems);
    session.createPools(specs, problems);
    session.checkPoolOptions(problems);
    if (!problems.isEmpty()) {
      session.close();
      throw new ConfigurationException(problems);
    }
    this.snapshot = new FolderSnapshot(session.classFolders());
    for (FolderSnapshot.Change change : snapshot.settle(snapshot.scan())) {
      change.className().ifPresent(name -> graph.put(name, change.bytes().orElseThrow()));
    }
    try {
      this.watcher = new FolderWatcher(snapshot);
    } catch (RuntimeException e) { // the file system watches nothing: give back what was opened
      session.close();
      throw e;
    }
    // Ctrl-C in a rerun: end it as interrupted, so its summary and reports still come out
    session.onJvmEnd(new Thread(this::interrupt, "lanes-watch-interrupted"));
  }

  /** Opens a session: checks the whole setup and creates the pools; nothing runs yet. */
  public static WatchSession open(LanesConfig config, RunOptions options) {
    return new WatchSession(config, options);
  }

  /** The folders watched: every folder on the selected projects' class paths. */
  public List<Path> folders() {
    return snapshot.folders();
  }

  /** Runs every test file. */
  public Lanes.RunResult runAll() {
    if (specs.isEmpty()) { // nothing built yet, say: the first test class that appears runs
      RunMessages.nothingToWatchYet(options.console());
      return new Lanes.RunResult(config.settings().passWithNoTests() ? 0 : 1, List.of(), List.of());
    }
    return execute(specs, List.of());
  }

  /** Runs the test files whose last run failed; with none, runs nothing and says so. */
  public Optional<Lanes.RunResult> runFailed() {
    List<TestSpecification> again = session.failedLastTime(specs).orElse(List.of());
    return again.isEmpty() ? Optional.empty() : Optional.of(execute(again, List.of()));
  }

  /** Runs what a change reaches. */
  public Lanes.RunResult rerun(Rerun rerun) {
    return execute(rerun.specs(), rerun.invalidates());
  }

  /**
   * Waits up to {@code timeout} for the class folders to change and settle, then works out what the change
   * reaches: the test classes that use a changed class, directly or through others; new test classes; and every
   * file of a project whose class folders hold a changed resource. Empty when nothing changed in time.
   */
  public Optional<Rerun> awaitChange(Duration timeout) throws InterruptedException {
    List<FolderSnapshot.Change> changes = watcher.await(timeout);
    if (changes.isEmpty()) {
      return Optional.empty();
    }
    Set<String> changedClasses = new LinkedHashSet<>();
    Set<String> reached = new LinkedHashSet<>();
    List<Path> resources = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (FolderSnapshot.Change change : changes) {
      if (change.className().isEmpty()) {
        resources.add(change.file());
      } else if (change.removed()) {
        removed.add(change.className().get());
      }
      change.className().ifPresent(changedClasses::add);
    }
    reached.addAll(graph.dependents(removed)); // the classes that used what is gone fail now: rerun them too
    for (FolderSnapshot.Change change : changes) {
      change.className().ifPresent(name -> {
        if (change.removed()) {
          graph.remove(name);
        } else {
          graph.put(name, change.bytes().get());
        }
      });
    }
    reached.addAll(graph.dependents(changedClasses));
    Set<String> before = new LinkedHashSet<>(specs.stream().map(TestSpecification::fileId).toList());
    specs = session.specifications(Optional.empty(), new ArrayList<>()); // checked when opened
    List<TestSpecification> affected = new ArrayList<>();
    for (TestSpecification spec : specs) {
      boolean reaches = !before.contains(spec.fileId()) // a new test class
          || reached.contains(spec.moduleId())
          || onClasspath(spec, resources) // a resource: which class reads it is not in any constant pool
          || takesSources(spec) && onClasspath(spec, changes.stream().map(FolderSnapshot.Change::file).toList());
      if (reaches) {
        affected.add(spec);
      }
    }
    return Optional.of(new Rerun(List.copyOf(changedClasses),
        changes.stream().map(change -> change.file().toAbsolutePath().toString()).toList(), affected));
  }

  /** Ends a rerun in progress at once as interrupted (Ctrl-C, the JVM is exiting): its files not finished are skipped. */
  public void interrupt() {
    if (running) {
      run.interruptNow();
      run.end();
    }
  }

  /**
   * Stops a rerun in progress ({@code q}): no more files are handed out, workers stop after their running test,
   * and the rerun returns, reported as interrupted.
   */
  public void stop() {
    if (running) {
      run.stop();
    }
  }

  /** Whether a run is in progress. */
  public boolean running() {
    return running;
  }

  private static boolean onClasspath(TestSpecification spec, List<Path> files) {
    return spec.project().classpath().stream().map(entry -> entry.toAbsolutePath().normalize())
        .anyMatch(entry -> files.stream().anyMatch(file -> file.startsWith(entry)));
  }

  private boolean takesSources(TestSpecification spec) {
    return projects.stream().anyMatch(p -> p.name().equals(spec.project().name()) && p.takesSources());
  }

  private Lanes.RunResult execute(List<TestSpecification> files, List<String> invalidates) {
    List<String> problems = new ArrayList<>();
    List<TestSpecification> ordered = session.sequencing().apply(files, problems);
    List<List<TestSpecification>> groups = session.sequencing().groups(ordered, problems);
    running = true;
    try {
      run.start(ordered);
      if (!problems.isEmpty()) {
        String problem = String.join("\n", problems);
        run.failFiles(ordered, TestError.of("ConfigurationError", problem), FileOutcome.aborted(problem));
      } else {
        session.poolsFor(ordered);
        session.execute(groups, invalidates);
      }
      Reporter.RunEndReason reason = run.end();
      session.recordResults();
      return new Lanes.RunResult(reason == Reporter.RunEndReason.PASSED ? 0 : 1, run.modules(),
          run.unhandledErrors());
    } finally {
      running = false;
    }
  }

  /** Closes the pools (their workers stop) and stops watching. */
  @Override
  public void close() {
    watcher.close();
    session.close();
  }
}
