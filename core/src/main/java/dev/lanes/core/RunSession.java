package dev.lanes.core;

import dev.lanes.core.internal.config.Origins;
import dev.lanes.core.internal.discovery.LauncherAlignment;
import dev.lanes.core.internal.discovery.TestClassScanner;
import dev.lanes.core.internal.registry.ConfigPoolOptions;
import dev.lanes.core.internal.registry.PoolInstances;
import dev.lanes.core.internal.registry.PoolRegistry;
import dev.lanes.core.internal.reporters.ReporterFactory;
import dev.lanes.core.internal.reporters.RunMessages;
import dev.lanes.core.internal.scheduler.PoolWatch;
import dev.lanes.core.internal.scheduler.Waits;
import dev.lanes.core.internal.scheduler.WorkerProcessPool;
import dev.lanes.core.internal.sequence.ResultsCache;
import dev.lanes.core.internal.sequence.Sequencing;
import dev.lanes.core.internal.sequence.ShardTimings;
import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.Coverage;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.PoolConfigurationException;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.Sequencer;
import dev.lanes.spi.ReporterOptions;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One run's machinery, which {@code lanes run} uses once and a watch session for every rerun: the reporters, the
 * pool registry, the selected projects with the files their pools take, the order of files, the run's state and the
 * pools, created for the files that need them and closed with the session. Opening it collects every configuration
 * problem it finds into the list it is given; the caller throws them all at once.
 */
final class RunSession implements AutoCloseable {
  private final LanesConfig config;
  private final RunOptions options;
  private final PoolLogger logger;
  private final List<Reporter> reporters;
  private final PoolRegistry registry;
  private final List<ProjectConfig> projects;
  private final Map<String, String> origins = new LinkedHashMap<>();
  private final ResultsCache cache;
  private final Sequencing sequencing;
  private final TestRun run;
  private final Map<String, ProcessPool> pools = new LinkedHashMap<>();
  private Thread interruptHook;
  private boolean poolsClosed;

  /**
   * Opens a session: the configuration's warnings told, the reporters made (none but the extra ones to collect), the
   * projects selected with their pools' files. {@code watch}: the run starts again on every change.
   */
  RunSession(LanesConfig config, RunOptions options, boolean watch, List<String> problems) {
    this.config = config;
    this.options = options;
    this.logger = new ConsoleLogger(options.console());
    config.warnings().forEach(logger::warn);
    this.reporters = new ArrayList<>(options.collectOnly() && !watch ? List.of()
        : ReporterFactory.create(config, reporterOptions(config, options), problems));
    reporters.addAll(options.extraReporters());
    this.registry = new PoolRegistry(Lanes.class.getClassLoader(), options.extraPools());
    this.projects = withPoolFiles(selectProjects(problems), problems);
    this.cache = new ResultsCache(config.root());
    List<String> warnings = new ArrayList<>();
    ShardTimings timings = config.settings().shard().isPresent() ? config.settings().shardTimings()
        .map(file -> ShardTimings.read(file, problems, warnings)).orElse(ShardTimings.none()) : ShardTimings.none();
    warnings.forEach(logger::warn);
    this.sequencing = new Sequencing(config.settings(), projects, cache, timings);
    this.run = new TestRun(reporters);
    run.bail(config.settings().bail());
    run.watching(watch);
  }

  /** What reporters are told of the run: where to write, the shard, the seed, the coverage data. */
  static ReporterOptions reporterOptions(LanesConfig config, RunOptions options) {
    RunSettings settings = config.settings();
    return new ReporterOptions(options.console(), options.interactive(), config.root(), Optional.empty(),
        settings.shard().map(RunSettings.Shard::toString),
        settings.shuffle() ? OptionalLong.of(settings.seed()) : OptionalLong.empty(),
        config.coverage().enabled() && !options.collectOnly() ? Optional.of(config.coverage().executionData())
            : Optional.empty());
  }

  TestRun run() {
    return run;
  }

  Path root() {
    return config.root();
  }

  /** The folders on the selected projects' class paths (and those not built yet): where their classes are compiled. */
  List<Path> classFolders() {
    Set<Path> folders = new java.util.LinkedHashSet<>();
    for (ProjectConfig project : projects) {
      project.classpath().stream().filter(entry -> !java.nio.file.Files.isRegularFile(entry)).map(Path::toAbsolutePath)
          .map(Path::normalize).forEach(folders::add);
    }
    return List.copyOf(folders);
  }

  List<Reporter> reporters() {
    return reporters;
  }

  List<ProjectConfig> projects() {
    return projects;
  }

  Sequencing sequencing() {
    return sequencing;
  }

  PoolLogger logger() {
    return logger;
  }

  /**
   * The test files of the selected projects as they are on disk now, kept by the run's filters and, per file, its
   * test-name pattern; the projects measure {@code coverage} where present.
   */
  List<TestSpecification> specifications(Optional<Coverage> coverage, List<String> problems) {
    List<TestSpecification> specs = new ArrayList<>();
    for (ProjectConfig project : projects) {
      specs.addAll(specifications(project, coverage, problems));
    }
    return specs.stream().map(spec -> new TestSpecification(spec.project(), spec.moduleId(), spec.pool(),
        options.testNamePatterns().apply(spec.moduleId()), spec.testIds())).toList();
  }

  private List<TestSpecification> specifications(ProjectConfig config, Optional<Coverage> coverage,
                                                  List<String> problems) {
    List<String> filters = options.filters();
    String label = config.name().isEmpty() ? "" : "project '" + config.name() + "': ";
    if (config.classpath().isEmpty() && (!config.takesSources() || config.sources().needsClasspath())) {
      problems.add(label + "the test class path is empty; set classpath in lanes.conf or pass --classpath.");
      return List.of();
    }
    List<TestSpecification> specs = new ArrayList<>();
    if (config.takesSources()) { // its pool's own kind of file (type tests, JS modules, scripts), the class path as is
      TestProject project = testProject(config, config.classpath(), coverage);
      origins.putIfAbsent(config.pool(), config.poolOrigin());
      for (String source : TestClassScanner.scanSources(config)) {
        if (filters.isEmpty() || filters.stream().anyMatch(source::contains)) {
          specs.add(TestSpecification.of(project, source));
        }
      }
      return specs;
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
    return specs;
  }

  private static TestProject testProject(ProjectConfig config, List<Path> classpath, Optional<Coverage> coverage) {
    return new TestProject(config.name(), config.root(), classpath, config.pool(), config.isolate(),
        config.maxWorkers(), config.teardownTimeout(), config.workerSettings(), config.environment(), coverage);
  }

  /**
   * Creates the pools that {@code files} need and the session does not have yet (a new test class matched by another
   * pool's glob, in watch mode). A pool that cannot be created is a problem; one whose creation threw fails its files.
   */
  void createPools(List<TestSpecification> files, List<String> problems) {
    PoolInstances instances = new PoolInstances();
    for (Map.Entry<String, List<TestSpecification>> entry : byPool(files).entrySet()) {
      String value = entry.getKey();
      if (pools.containsKey(value)) {
        continue;
      }
      PoolRegistry.Resolution resolution = registry.resolve(value, origins.getOrDefault(value, "pool"), config.root());
      if (resolution.problem().isPresent()) {
        problems.add(resolution.problem().get());
        continue;
      }
      PoolProvider provider = resolution.provider().orElseThrow();
      List<TestProject> used = entry.getValue().stream().map(TestSpecification::project).distinct().toList();
      try {
        pools.put(value, instances.create(value, provider, used, run, config.raw(),
            origin -> Origins.where(config.root(), origin), logger));
      } catch (PoolConfigurationException e) {
        problems.addAll(e.problems());
      } catch (RuntimeException e) {
        pools.put(value, new FailedPool(provider.name(), e));
      }
    }
  }

  /** {@code poolOptions} of a pool that no file of the run is in warn; those of a pool that does not exist are errors. */
  void checkPoolOptions(List<String> problems) {
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

  /** Creates the pools that {@code files} need; files whose pool cannot be created fail with why. */
  void poolsFor(List<TestSpecification> files) {
    List<String> problems = new ArrayList<>();
    createPools(files, problems);
    if (!problems.isEmpty()) {
      String problem = String.join("\n", problems);
      Map<String, List<TestSpecification>> lost = byPool(files);
      lost.keySet().removeAll(pools.keySet());
      lost.values().forEach(specs -> run.failFiles(specs, TestError.of("ConfigurationError", problem),
          FileOutcome.aborted(problem)));
    }
  }

  /**
   * Runs (or collects) the groups of {@code sequence.groupOrder} one after the other, each pool its files at once and
   * the whole pools watched; after a bail the groups left are not run.
   */
  void execute(List<List<TestSpecification>> groups, List<String> invalidates) {
    for (List<TestSpecification> group : groups) {
      if (run.cancelled()) {
        String stopped = "the run stopped handing out files";
        run.failFiles(group, TestError.of("Cancelled", stopped), FileOutcome.cancelled(stopped));
      } else {
        executeGroup(byPool(group), invalidates);
      }
    }
  }

  private void executeGroup(Map<String, List<TestSpecification>> byPool, List<String> invalidates) {
    List<PoolWatch.Watched> running = new ArrayList<>();
    boolean collect = options.collectOnly() && !run.watching();
    for (Map.Entry<String, ProcessPool> entry : pools.entrySet()) {
      List<TestSpecification> specs = byPool.get(entry.getKey());
      if (specs == null) {
        continue; // a pool with no file in this group
      }
      ProcessPool pool = entry.getValue();
      CompletableFuture<Void> future;
      try {
        future = (collect ? pool.collectTests(specs, invalidates) : pool.runTests(specs, invalidates))
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

  /**
   * Of {@code specs}, the files that failed in the last recorded run of their project (the results cache that every run
   * and rerun writes): {@code --last-failed} and watch mode's {@code f}. Empty when no file of {@code specs} was
   * recorded at all.
   */
  Optional<List<TestSpecification>> failedLastTime(List<TestSpecification> specs) {
    if (specs.stream().noneMatch(spec -> cache.get(spec.project().name(), spec.moduleId()).isPresent())) {
      return Optional.empty();
    }
    return Optional.of(specs.stream().filter(spec -> cache.get(spec.project().name(), spec.moduleId())
        .map(Sequencer.CachedResult::failed).orElse(false)).toList());
  }

  /** Says which reports failed when the run ended (the reporters had ended: nobody else would); true when none did. */
  boolean reportsWritten() {
    RunMessages.reportErrors(options.console(), run.reportErrors());
    return run.reportErrors().isEmpty();
  }

  /** Keeps what this run learnt of its files for the next run's order; a cache that cannot be written only warns. */
  void recordResults() {
    try {
      cache.record(run.modules());
    } catch (UncheckedIOException e) {
      logger.warn(e.getMessage() + ": " + e.getCause());
    }
  }

  /** {@code hook} runs if the JVM ends while the session is open; the session removes it when it closes. */
  void onJvmEnd(Thread hook) {
    interruptHook = hook;
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Closes the pools (their workers stop), within the projects' longest {@code teardownTimeout}; once. */
  void closePools() {
    if (poolsClosed) {
      return;
    }
    poolsClosed = true;
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

  /** Closes what is left open: the pools, the registry (its jars' class loaders), the shutdown hook. */
  @Override
  public void close() {
    closePools();
    registry.close();
    if (interruptHook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(interruptHook);
      } catch (IllegalStateException | IllegalArgumentException e) {
        // the JVM is already shutting down (the hook is running)
      }
    }
  }

  private List<ProjectConfig> selectProjects(List<String> problems) {
    if (options.project().isEmpty()) {
      return config.projects();
    }
    List<ProjectConfig> selected = config.projects().stream().filter(p -> p.name().equals(options.project().get()))
        .toList();
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
  private List<ProjectConfig> withPoolFiles(List<ProjectConfig> selected, List<String> problems) {
    List<ProjectConfig> resolved = new ArrayList<>();
    for (ProjectConfig project : selected) {
      PoolRegistry.Resolution resolution = registry.resolve(project.pool(), project.poolOrigin(), config.root());
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

  /** The files of each pool, in the order given. */
  private static Map<String, List<TestSpecification>> byPool(List<TestSpecification> specs) {
    Map<String, List<TestSpecification>> byPool = new LinkedHashMap<>();
    specs.forEach(spec -> byPool.computeIfAbsent(spec.pool(), p -> new ArrayList<>()).add(spec));
    return byPool;
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
