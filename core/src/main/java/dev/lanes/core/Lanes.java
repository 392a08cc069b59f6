package dev.lanes.core;

import dev.lanes.spi.FileOutcome;
import dev.lanes.core.internal.config.ConfigLoader;
import dev.lanes.core.internal.config.Origins;
import dev.lanes.core.internal.coverage.CoverageReport;
import dev.lanes.core.internal.coverage.CoverageRun;
import dev.lanes.core.internal.discovery.LauncherAlignment;
import dev.lanes.core.internal.discovery.TestClassScanner;
import dev.lanes.core.internal.registry.ConfigPoolOptions;
import dev.lanes.core.internal.registry.PoolInstances;
import dev.lanes.core.internal.registry.PoolRegistry;
import dev.lanes.core.internal.reporters.BlobReporter;
import dev.lanes.core.internal.reporters.Blobs;
import dev.lanes.core.internal.reporters.ReporterFactory;
import dev.lanes.core.internal.scheduler.PoolWatch;
import dev.lanes.core.internal.scheduler.Waits;
import dev.lanes.core.internal.scheduler.WorkerProcessPool;
import dev.lanes.core.internal.sequence.ResultsCache;
import dev.lanes.core.internal.sequence.Sequencing;
import dev.lanes.core.internal.state.JvmExit;
import dev.lanes.core.internal.state.JvmSignals;
import dev.lanes.core.internal.state.RunSnapshot;
import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.Coverage;
import dev.lanes.spi.PoolConfigurationException;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs or collects a suite: resolves projects and their test files, creates every pool the run
 * needs (reporting all configuration problems at once, before anything runs), hands each pool its
 * files, and ends every file with a result.
 */
public final class Lanes {
  /** This version of Lanes; blobs record it, and only blobs of the same version merge. */
  public static final String VERSION = "0.1.0";

  private Lanes() {
  }

  /** Loads the configuration in layers; see {@link ConfigLoader}. Problems are thrown by {@link #run}, all together. */
  public static LanesConfig loadConfig(Path root, Optional<Path> configFile, List<ConfigOverride> overrides) {
    Map<String, String> properties = new LinkedHashMap<>();
    System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    return loadConfig(root, configFile, overrides, properties);
  }

  /** As {@link #loadConfig(Path, Optional, List)} with these system properties instead of the JVM's (for hermetic runs). */
  public static LanesConfig loadConfig(Path root, Optional<Path> configFile, List<ConfigOverride> overrides,
                                       Map<String, String> systemProperties) {
    return ConfigLoader.load(root, configFile, overrides, systemProperties, Lanes.class.getClassLoader());
  }

  /**
   * As {@link #loadConfig(Path, Optional, List, Map)}, with {@code beneath} under the configuration file: what a build
   * tool carries over (the Maven plugin: Surefire's settings), which {@code lanes.conf}, {@code -Dlanes.*} and
   * {@code overrides} override.
   */
  public static LanesConfig loadConfig(Path root, Optional<Path> configFile, List<ConfigOverride> beneath,
                                       List<ConfigOverride> overrides, Map<String, String> systemProperties) {
    return ConfigLoader.load(root, configFile, beneath, overrides, systemProperties, Lanes.class.getClassLoader());
  }

  /**
   * What to run and how to show it. {@code filters} keep files whose class name contains one of them;
   * {@code extraReporters} receive the run's events besides the configured reporters; {@code extraPools}
   * are pools given as instances (a test kit's), found by their name before the installed ones.
   */
  public record RunOptions(List<String> filters, boolean collectOnly, PrintStream console, boolean interactive,
                           Optional<String> project, List<Reporter> extraReporters, List<PoolProvider> extraPools,
                           Function<String, Optional<String>> testNamePatterns) {
    public RunOptions {
      filters = List.copyOf(filters);
      project = Optional.ofNullable(project).flatMap(p -> p);
      extraReporters = List.copyOf(extraReporters);
      extraPools = List.copyOf(extraPools);
      Objects.requireNonNull(testNamePatterns, "testNamePatterns");
    }

    public RunOptions(List<String> filters, boolean collectOnly, PrintStream console, boolean interactive,
                      Optional<String> project, List<Reporter> extraReporters, List<PoolProvider> extraPools) {
      this(filters, collectOnly, console, interactive, project, extraReporters, extraPools, file -> Optional.empty());
    }

    /**
     * These options, where each test class (a file's module id) runs only the tests whose method name or display
     * name matches the regular expression {@code testNamePatterns} gives for it: Vitest's {@code -t}, per file, as
     * Surefire's {@code -Dtest=Class#method} needs it. Empty: all the file's tests.
     */
    public RunOptions withTestNamePatterns(Function<String, Optional<String>> testNamePatterns) {
      return new RunOptions(filters, collectOnly, console, interactive, project, extraReporters, extraPools,
          testNamePatterns);
    }

    public RunOptions(List<String> filters, boolean collectOnly, PrintStream console, boolean interactive,
                      Optional<String> project, List<Reporter> extraReporters) {
      this(filters, collectOnly, console, interactive, project, extraReporters, List.of());
    }
  }

  /**
   * Opens a watch session ({@code lanes watch}): the same checks as {@link #run}, then the pools stay open for
   * the reruns. Throws {@link ConfigurationException} if the setup is wrong, or asks for a shard or the blob reporter.
   */
  public static WatchSession watch(LanesConfig config, RunOptions options) {
    return WatchSession.open(config, options);
  }

  /**
   * Ends the JVM with {@code status}, as a command line should after a run: shutdown hooks a test left get the run's
   * {@code teardownTimeout}, then they are named in a warning and the JVM is halted with the same status.
   */
  public static void exit(int status) {
    JvmExit.exit(status);
  }

  /** Whether a {@code pool} value names a pool jar ({@code ./pools.jar}, {@code ./pools.jar#name}) rather than a pool. */
  public static boolean isPoolJarPath(String pool) {
    return PoolRegistry.isPath(pool);
  }

  /** How a run ended: the exit code (0 passed, 1 failed), the files and the errors that belong to none. */
  public record RunResult(int exitCode, List<TestModule> modules, List<TestError> unhandledErrors) {
  }

  /** Runs (or collects) the suite. Throws {@link ConfigurationException} before anything runs if the setup is wrong. */
  public static RunResult run(LanesConfig config, RunOptions options) {
    PoolLogger logger = new ConsoleLogger(options.console());
    config.warnings().forEach(logger::warn);
    List<String> problems = new ArrayList<>(config.problems());
    List<Reporter> reporters = new ArrayList<>(options.collectOnly() ? List.of()
        : ReporterFactory.create(config, reporterOptions(config, options), problems));
    reporters.addAll(options.extraReporters());
    PoolRegistry registry = new PoolRegistry(Lanes.class.getClassLoader(), options.extraPools());
    List<ProjectConfig> selected = withPoolFiles(selectProjects(config, options, problems), registry, config.root(),
        problems);
    Map<String, String> origins = new LinkedHashMap<>();
    ResultsCache cache = new ResultsCache(config.root());
    Sequencing sequencing = new Sequencing(config.settings(), selected, cache);
    Optional<Coverage> coverage = options.collectOnly() ? Optional.empty() : config.coverage().collected();
    coverage.ifPresent(measured -> CoverageRun.prepare(config.coverage(), problems));
    List<TestSpecification> found = specifications(selected, options.filters(), origins, problems, coverage).stream()
        .map(spec -> new TestSpecification(spec.project(), spec.moduleId(), spec.pool(),
            options.testNamePatterns().apply(spec.moduleId()), spec.testIds())).toList();
    List<TestSpecification> specs = sequencing.apply(found, problems);
    List<List<TestSpecification>> groups = sequencing.groups(specs, problems);
    TestRun run = new TestRun(reporters);
    run.bail(config.settings().bail());
    Map<String, ProcessPool> pools = createPools(config, registry, byPool(specs), origins, run, logger, problems);
    checkPoolOptions(config, registry, pools, logger, problems);
    if (!problems.isEmpty()) {
      registry.close();
      throw new ConfigurationException(problems);
    }
    if (specs.isEmpty()) {
      boolean pass = config.settings().passWithNoTests();
      if (pass && config.settings().shard().isPresent() && !found.isEmpty()) {
        options.console().println("No test files in shard " + config.settings().shard().get() + " of " + found.size()
            + " files, exiting with code 0");
        // the shard's blob still says it ran, so that --merge-reports can tell an empty shard from a lost one
        reporters.stream().filter(BlobReporter.class::isInstance).forEach(blob -> {
          blob.onTestRunStart(List.of());
          blob.onTestRunEnd(List.of(), List.of(), Reporter.RunEndReason.PASSED);
        });
        registry.close();
        return new RunResult(0, List.of(), List.of());
      }
      options.console().println("No test files found, exiting with code " + (pass ? 0 : 1));
      selected.forEach(p -> options.console().println("  " + (p.name().isEmpty() ? "" : p.name() + ": ")
          + (p.takesSources()
              ? p.sources().pool() + ".include " + p.sources().include() + ", " + p.sources().pool() + ".exclude "
                  + p.sources().exclude()
                  + " in " + relative(config.root(), p.sources().dirs())
              : "include " + p.include() + ", exclude " + p.exclude() + " in "
                  + relative(config.root(), p.testClassDirs()))));
      registry.close();
      return new RunResult(pass ? 0 : 1, List.of(), List.of());
    }
    // Ctrl-C or a CI cancel: end the run as interrupted, so the summary and the reports still come out. Any other end
    // of the JVM while files run is a test's exit that got past the in-process pools: the run fails, never exit 0.
    JvmSignals.install();
    JvmExit.bound(selected.stream().map(ProjectConfig::teardownTimeout).max(Duration::compareTo)
        .orElse(Duration.ofSeconds(10)));
    Thread interruptHook = new Thread(() -> {
      if (JvmSignals.received().isPresent()) {
        run.interruptNow();
        run.end();
        return;
      }
      run.jvmEnded();
      run.end();
      options.console().flush();
      Runtime.getRuntime().halt(1);
    }, "lanes-interrupted");
    if (!options.collectOnly()) {
      Runtime.getRuntime().addShutdownHook(interruptHook);
    }
    try {
      run.start(specs);
      executeGroups(pools, groups, run, options.collectOnly(), List.of(), logger);
      closePools(pools, selected, run);
      if (options.collectOnly()) {
        run.collectedAll();
        return new RunResult(run.unhandledErrors().isEmpty() ? 0 : 1, run.modules(), run.unhandledErrors());
      }
      Reporter.RunEndReason reason = run.end();
      boolean reportsWritten = reportsWritten(run, options.console());
      recordResults(cache, run, logger);
      boolean coverageMet = !config.coverage().enabled() || CoverageRun.report(config.coverage(), selected,
          options.console(), () -> CoverageReport.read(config.coverage().executionData()));
      return new RunResult(reason == Reporter.RunEndReason.PASSED && coverageMet && reportsWritten ? 0 : 1,
          run.modules(), run.unhandledErrors());
    } finally {
      registry.close();
      removeHook(interruptHook);
    }
  }

  static ReporterOptions reporterOptions(LanesConfig config, RunOptions options) {
    RunSettings settings = config.settings();
    return new ReporterOptions(options.console(), options.interactive(), config.root(), Optional.empty(),
        settings.shard().map(RunSettings.Shard::toString),
        settings.shuffle() ? OptionalLong.of(settings.seed()) : OptionalLong.empty(),
        config.coverage().enabled() && !options.collectOnly() ? Optional.of(config.coverage().executionData())
            : Optional.empty());
  }

  /** Says which reports failed when the run ended (the reporters had ended: nobody else would); true when none did. */
  static boolean reportsWritten(TestRun run, PrintStream console) {
    for (TestError error : run.reportErrors()) {
      console.println("ERROR: " + error.message());
    }
    return run.reportErrors().isEmpty();
  }

  /** The files of each pool, in the order given. */
  static Map<String, List<TestSpecification>> byPool(List<TestSpecification> specs) {
    Map<String, List<TestSpecification>> byPool = new LinkedHashMap<>();
    specs.forEach(spec -> byPool.computeIfAbsent(spec.pool(), p -> new ArrayList<>()).add(spec));
    return byPool;
  }

  /** Keeps what this run learnt of its files for the next run's order; a cache that cannot be written only warns. */
  static void recordResults(ResultsCache cache, TestRun run, PoolLogger logger) {
    try {
      cache.record(run.modules());
    } catch (UncheckedIOException e) {
      logger.warn(e.getMessage() + ": " + e.getCause());
    }
  }

  /**
   * {@code --merge-reports}: reports the blobs in {@code folder} (the shards of one run) through the configured
   * reporters, as one run, without a pool. Throws {@link ConfigurationException} when a blob is not of this version,
   * a file is in two blobs, or the reporters include {@code blob}.
   */
  public static RunResult mergeReports(LanesConfig config, Path folder, RunOptions options) {
    List<String> problems = new ArrayList<>();
    if (config.reporters().contains("blob")) {
      problems.add("--merge-reports: the blob reporter cannot merge blob reports; choose the reporters to merge into"
          + " (--reporter default, junit, html, ...).");
    }
    List<Reporter> reporters = new ArrayList<>(ReporterFactory.create(config, reporterOptions(config, options),
        problems));
    reporters.addAll(options.extraReporters());
    List<RunSnapshot> blobs = Blobs.read(folder, VERSION, problems);
    Blobs.checkShards(folder, blobs, problems);
    Map<String, String> seen = new LinkedHashMap<>();
    List<RunSnapshot.FileSnapshot> files = new ArrayList<>();
    for (RunSnapshot blob : blobs) {
      String name = blob.shard().map(shard -> "shard " + shard).orElse("a run without a shard");
      for (RunSnapshot.FileSnapshot file : blob.files()) {
        String other = seen.putIfAbsent(file.id(), name);
        if (other != null) {
          problems.add("--merge-reports: " + file.moduleId() + (file.project().isEmpty() ? "" : " of project "
              + file.project()) + " is in the blobs of both " + other + " and " + name + "; merge the shards of one"
              + " run, each once.");
        }
        files.add(file);
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    files.sort(java.util.Comparator.comparingLong(RunSnapshot.FileSnapshot::startTime));
    TestRun run = new TestRun(reporters);
    run.start(files.stream().map(file -> new TestSpecification(TestProject.builder(file.project(), config.root(),
        file.pool()).teardownTimeout(Duration.ZERO).build(), file.moduleId(), file.pool(),
        Optional.empty(), List.of())).toList());
    files.forEach(run::replay);
    blobs.forEach(blob -> blob.errors().forEach(run::unhandled));
    Reporter.RunEndReason reason = run.end();
    boolean reportsWritten = reportsWritten(run, options.console());
    if (!options.collectOnly()) {
      for (RunSnapshot blob : blobs) {
        options.console().println("  Per blob  " + blob.shard().map(shard -> "shard " + shard).orElse("run")
            + "  " + blob.files().size() + (blob.files().size() == 1 ? " file  " : " files  ")
            + String.format(java.util.Locale.ROOT, "%.2fs", blob.durationMillis() / 1000.0));
      }
    }
    boolean coverageMet = !config.coverage().enabled() || CoverageRun.report(config.coverage(), config.projects(),
        options.console(), () -> mergedCoverage(blobs, options.console()));
    return new RunResult(reason == Reporter.RunEndReason.PASSED && coverageMet && reportsWritten ? 0 : 1,
        run.modules(), run.unhandledErrors());
  }

  /** The execution data the blobs carry, one after the other (JaCoCo reads such a stream as one). */
  private static byte[] mergedCoverage(List<RunSnapshot> blobs, PrintStream console) {
    java.io.ByteArrayOutputStream data = new java.io.ByteArrayOutputStream();
    List<String> without = new ArrayList<>();
    for (RunSnapshot blob : blobs) {
      blob.coverage().ifPresentOrElse(base64 -> data.writeBytes(java.util.Base64.getDecoder().decode(base64)),
          () -> without.add(blob.shard().map(shard -> "shard " + shard).orElse("a run")));
    }
    if (!without.isEmpty()) {
      console.println("WARN coverage: " + String.join(", ", without) + " measured no coverage (run "
          + (without.size() == 1 ? "it" : "them") + " with --coverage); the report covers the others only");
    }
    return data.toByteArray();
  }

  private static List<String> relative(Path root, List<Path> dirs) {
    return dirs.stream().map(d -> root.relativize(d).toString()).toList();
  }

  static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // the JVM is already shutting down (the hook is running), or the hook was never added
    }
  }

  static List<ProjectConfig> selectProjects(LanesConfig config, RunOptions options, List<String> problems) {
    if (options.project().isEmpty()) {
      return config.projects();
    }
    List<ProjectConfig> selected = config.projects().stream().filter(p -> p.name().equals(options.project().get())).toList();
    if (selected.isEmpty()) {
      problems.add("--project: no project is named '" + options.project().get() + "'; projects: "
          + config.projects().stream().map(ProjectConfig::name).toList() + ".");
    }
    return selected;
  }

  /**
   * The projects with the files their pools take: test classes, or the source files the pool's provider declares
   * ({@code PoolProvider.testFiles}). A {@code <name>.include}/{@code exclude} that names no pool is a problem. A pool
   * that cannot be loaded leaves its project as it is; creating the pools reports why.
   */
  static List<ProjectConfig> withPoolFiles(List<ProjectConfig> projects, PoolRegistry registry, Path root,
                                           List<String> problems) {
    List<ProjectConfig> resolved = new ArrayList<>();
    for (ProjectConfig project : projects) {
      PoolRegistry.Resolution resolution = registry.resolve(project.pool(), project.poolOrigin(), root);
      resolved.add(resolution.provider().map(provider -> project.withFiles(provider.name(), provider.testFiles()))
          .orElse(project));
    }
    Set<String> names = registry.names();
    Set<String> reported = new HashSet<>();
    for (ProjectConfig project : resolved) {
      project.poolGlobs().forEach((name, globs) -> {
        if (!names.contains(name) && reported.add(globs.origin() + " " + name)) {
          problems.add(globs.origin() + ": unknown key '" + name + "'; " + name + ".include and " + name
              + ".exclude choose the files of a pool named '" + name + "' that takes source files, and no pool is"
              + " named so; known pools: " + String.join(", ", names) + ".");
        }
      });
    }
    return resolved;
  }

  static List<TestSpecification> specifications(List<ProjectConfig> projects, List<String> filters,
                                                        Map<String, String> origins, List<String> problems) {
    return specifications(projects, filters, origins, problems, Optional.empty());
  }

  /** As above, the projects measuring {@code coverage} where present. */
  static List<TestSpecification> specifications(List<ProjectConfig> projects, List<String> filters,
                                                Map<String, String> origins, List<String> problems,
                                                Optional<Coverage> coverage) {
    List<TestSpecification> specs = new ArrayList<>();
    for (ProjectConfig config : projects) {
      String label = config.name().isEmpty() ? "" : "project '" + config.name() + "': ";
      if (config.classpath().isEmpty() && (!config.takesSources() || config.sources().needsClasspath())) {
        problems.add(label + "the test class path is empty; set classpath in lanes.conf or pass --classpath.");
        continue;
      }
      if (config.takesSources()) { // its pool's own kind of file (type tests, JS modules, scripts), the class path as is
        TestProject project = testProject(config, config.classpath(), coverage);
        origins.putIfAbsent(config.pool(), config.poolOrigin());
        for (String source : TestClassScanner.scanSources(config)) {
          if (filters.isEmpty() || filters.stream().anyMatch(source::contains)) {
            specs.add(TestSpecification.of(project, source));
          }
        }
        continue;
      }
      LauncherAlignment.Result aligned = LauncherAlignment.align(config.classpath(),
          LauncherAlignment.defaultLocalRepository());
      aligned.problem().ifPresent(problem -> problems.add(label + problem));
      TestProject project = testProject(config, aligned.classpath(), coverage);
      origins.putIfAbsent(config.pool(), config.poolOrigin());
      for (TestClassScanner.Found found : TestClassScanner.scan(config)) {
        if (!filters.isEmpty() && filters.stream().noneMatch(found.className()::contains)) {
          continue;
        }
        Optional<ProjectConfig.PoolMatch> match = TestClassScanner.poolFor(config, found.relativePath());
        String pool = match.map(ProjectConfig.PoolMatch::pool).orElse(config.pool());
        match.ifPresent(m -> origins.putIfAbsent(m.pool(), m.origin()));
        specs.add(new TestSpecification(project, found.className(), pool, Optional.empty(), List.of()));
      }
    }
    return specs;
  }

  private static TestProject testProject(ProjectConfig config, List<Path> classpath, Optional<Coverage> coverage) {
    return new TestProject(config.name(), config.root(), classpath, config.pool(), config.isolate(),
        config.maxWorkers(), config.teardownTimeout(), config.workerSettings(), config.environment(), coverage);
  }

  static Map<String, ProcessPool> createPools(LanesConfig config, PoolRegistry registry,
                                                      Map<String, List<TestSpecification>> byPool,
                                                      Map<String, String> origins, TestRun run, PoolLogger logger,
                                                      List<String> problems) {
    Map<String, ProcessPool> pools = new LinkedHashMap<>();
    PoolInstances instances = new PoolInstances();
    for (Map.Entry<String, List<TestSpecification>> entry : byPool.entrySet()) {
      String value = entry.getKey();
      PoolRegistry.Resolution resolution = registry.resolve(value, origins.getOrDefault(value, "pool"), config.root());
      if (resolution.problem().isPresent()) {
        problems.add(resolution.problem().get());
        continue;
      }
      PoolProvider provider = resolution.provider().orElseThrow();
      List<TestProject> projects = entry.getValue().stream().map(TestSpecification::project).distinct().toList();
      try {
        pools.put(value, instances.create(value, provider, projects, run, config.raw(), origin -> Origins.where(config.root(), origin), logger));
      } catch (PoolConfigurationException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) {
        pools.put(value, new FailedPool(provider.name(), e));
      }
    }
    return pools;
  }

  /** {@code poolOptions} of a pool that no file of the run is in warn; those of a pool that does not exist are errors. */
  static void checkPoolOptions(LanesConfig config, PoolRegistry registry, Map<String, ProcessPool> pools,
                               PoolLogger logger, List<String> problems) {
    Set<String> used = new HashSet<>();
    pools.values().forEach(pool -> used.add(pool.name()));
    config.projects().forEach(project -> {
      used.add(project.pool());
      project.poolMatchGlobs().forEach(match -> used.add(match.pool()));
    });
    List<String> warnings = new ArrayList<>();
    ConfigPoolOptions.checkUnused(config.raw(), used, registry.names(), origin -> Origins.where(config.root(), origin),
        warnings, problems);
    warnings.forEach(logger::warn);
  }

  /** Runs the groups of {@code sequence.groupOrder} one after the other; after a bail the rest are not run. */
  static void executeGroups(Map<String, ProcessPool> pools, List<List<TestSpecification>> groups, TestRun run,
                            boolean collectOnly, List<String> invalidates, PoolLogger logger) {
    for (List<TestSpecification> group : groups) {
      if (run.cancelled()) {
        String stopped = "the run stopped handing out files";
        run.failFiles(group, TestError.of("Cancelled", stopped), FileOutcome.cancelled(stopped));
      } else {
        execute(pools, byPool(group), run, collectOnly, invalidates, logger);
      }
    }
  }

  private static void execute(Map<String, ProcessPool> pools, Map<String, List<TestSpecification>> byPool, TestRun run,
                              boolean collectOnly, List<String> invalidates, PoolLogger logger) {
    List<PoolWatch.Watched> running = new ArrayList<>();
    for (Map.Entry<String, ProcessPool> entry : pools.entrySet()) {
      List<TestSpecification> specs = byPool.get(entry.getKey());
      if (specs == null) {
        continue; // a pool with no file in this group
      }
      ProcessPool pool = entry.getValue();
      CompletableFuture<Void> future;
      try {
        future = (collectOnly ? pool.collectTests(specs, invalidates) : pool.runTests(specs, invalidates))
            .toCompletableFuture();
      } catch (RuntimeException e) {
        future = CompletableFuture.failedFuture(e);
      }
      running.add(new PoolWatch.Watched(pool.name(), specs, future.handle((ok, error) -> {
        if (error != null) {
          Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
              ? error.getCause() : error;
          String failed = "[" + pool.name() + "] the pool failed: " + cause;
          run.failFiles(specs, TestError.of("PoolError", failed).withCause(TestErrors.of(cause)),
              FileOutcome.aborted(failed));
        }
        return null;
      }), !(pool instanceof WorkerProcessPool) && !run.isScheduled(entry.getKey())));
    }
    PoolWatch.await(running, run, logger);
  }

  static void closePools(Map<String, ProcessPool> pools, List<ProjectConfig> projects, TestRun run) {
    Duration teardown = projects.stream().map(ProjectConfig::teardownTimeout).max(Duration::compareTo)
        .orElse(Duration.ofSeconds(10));
    for (ProcessPool pool : pools.values()) {
      try {
        Waits.get(pool.close().toCompletableFuture(), teardown.toMillis() + 5_000, TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        run.unhandled(TestError.of("Teardown Error", "[" + pool.name() + "] close timed out or failed: " + e));
      }
    }
  }

  /** A pool that could not be created: its files fail with the reason; other pools go on. */
  private record FailedPool(String name, RuntimeException cause) implements ProcessPool {
    @Override
    public java.util.concurrent.CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
      return CompletableFuture.failedFuture(cause);
    }

    @Override
    public java.util.concurrent.CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
      return CompletableFuture.failedFuture(cause);
    }
  }

  /** Pool messages for the person running tests, on the console's error side. */
  record ConsoleLogger(PrintStream console) implements PoolLogger {
    @Override
    public void info(String message) {
      console.println(message);
    }

    @Override
    public void warn(String message) {
      console.println("WARN " + message);
    }

    @Override
    public void error(String message, Throwable cause) {
      console.println("ERROR " + message);
    }
  }
}
