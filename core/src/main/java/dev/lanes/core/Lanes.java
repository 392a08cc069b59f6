package dev.lanes.core;

import dev.lanes.core.internal.config.ConfigLoader;
import dev.lanes.core.internal.coverage.CoverageReport;
import dev.lanes.core.internal.coverage.CoverageRun;
import dev.lanes.core.internal.registry.PoolRegistry;
import dev.lanes.core.internal.reporters.BlobReporter;
import dev.lanes.core.internal.reporters.Blobs;
import dev.lanes.core.internal.reporters.ReporterFactory;
import dev.lanes.core.internal.reporters.RunMessages;
import dev.lanes.core.internal.sequence.BalancedShards;
import dev.lanes.core.internal.sequence.ShardTimings;
import dev.lanes.core.internal.state.JvmExit;
import dev.lanes.core.internal.watch.ChangeReach;
import dev.lanes.core.internal.watch.ChangedFiles;
import dev.lanes.core.internal.state.JvmSignals;
import dev.lanes.core.internal.state.RunSnapshot;
import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.Coverage;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
    List<String> problems = new ArrayList<>(config.problems());
    RunSession session = new RunSession(config, options, false, problems);
    try {
      Optional<Coverage> coverage = options.collectOnly() ? Optional.empty() : config.coverage().collected();
      coverage.ifPresent(measured -> CoverageRun.prepare(config.coverage(), problems));
      List<TestSpecification> found = session.specifications(coverage, problems);
      if (options.lastFailed() && problems.isEmpty()) {
        Optional<List<TestSpecification>> failed = session.failedLastTime(found);
        if (failed.isPresent() && failed.get().isEmpty()) {
          RunMessages.nothingFailedLastTime(options.console());
          return new RunResult(0, List.of(), List.of());
        }
        if (failed.isEmpty()) {
          RunMessages.noRunRecorded(options.console(), found.size());
        }
        found = failed.orElse(found);
      }
      if (options.changed().isPresent() && problems.isEmpty()) {
        Optional<List<TestSpecification>> reached = changed(options, session, found, problems);
        if (reached.isPresent() && reached.get().isEmpty()) {
          return new RunResult(0, List.of(), List.of());
        }
        found = reached.orElse(found);
      }
      List<TestSpecification> specs = session.sequencing().apply(found, problems);
      List<List<TestSpecification>> groups = session.sequencing().groups(specs, problems);
      session.createPools(specs, problems);
      session.checkPoolOptions(problems);
      if (!problems.isEmpty()) {
        throw new ConfigurationException(problems);
      }
      if (specs.isEmpty()) {
        return noTestFiles(config, options, session, found);
      }
      return run(config, options, session, specs, groups);
    } finally {
      session.close();
    }
  }

  /** The files a change reaches, said on the console (with why, for {@code lanes list}); empty after a problem. */
  private static Optional<List<TestSpecification>> changed(RunOptions options, RunSession session,
                                                           List<TestSpecification> found, List<String> problems) {
    String ref = options.changed().orElseThrow();
    ChangedFiles.Answer answer = ChangedFiles.of(session.root(), Optional.of(ref).filter(r -> !r.isBlank()));
    if (answer.problem().isPresent()) {
      problems.add(answer.problem().get());
      return Optional.empty();
    }
    ChangeReach.Result reach = ChangeReach.of(answer.files(), found, session.classFolders(), session.root());
    String since = ref.isBlank() ? "not committed" : "since " + ref;
    if (reach.everything().isPresent()) {
      RunMessages.changedRunsAll(options.console(), since, reach.everything().get(), found.size());
      return Optional.of(found);
    }
    List<RunMessages.Reached> why = reach.files().stream()
        .map(file -> new RunMessages.Reached(file.moduleId(), reach.why().get(file.fileId()))).toList();
    RunMessages.changed(options.console(), since, reach.changed(), found.size(), why, reach.ignored(),
        options.collectOnly());
    return Optional.of(reach.files());
  }

  private static RunResult noTestFiles(LanesConfig config, RunOptions options, RunSession session,
                                       List<TestSpecification> found) {
    boolean pass = config.settings().passWithNoTests();
    if (pass && config.settings().shard().isPresent() && !found.isEmpty()) {
      RunMessages.emptyShard(options.console(), config.settings().shard().get().toString(), found.size());
      // the shard's blob still says it ran, so that --merge-reports can tell an empty shard from a lost one
      session.reporters().stream().filter(BlobReporter.class::isInstance).forEach(blob -> {
        blob.onTestRunStart(List.of());
        blob.onTestRunEnd(List.of(), List.of(), Reporter.RunEndReason.PASSED);
      });
      return new RunResult(0, List.of(), List.of());
    }
    RunMessages.noTestFiles(options.console(), pass ? 0 : 1, session.projects().stream().map(p -> p.takesSources()
        ? new RunMessages.Looked(p.name(), p.sources().pool() + ".include " + p.sources().include() + ", "
            + p.sources().pool() + ".exclude " + p.sources().exclude(), relative(config.root(), p.sources().dirs()))
        : new RunMessages.Looked(p.name(), "include " + p.include() + ", exclude " + p.exclude(),
            relative(config.root(), p.testClassDirs()))).toList());
    return new RunResult(pass ? 0 : 1, List.of(), List.of());
  }

  private static RunResult run(LanesConfig config, RunOptions options, RunSession session,
                               List<TestSpecification> specs, List<List<TestSpecification>> groups) {
    TestRun run = session.run();
    // Ctrl-C or a CI cancel: end the run as interrupted, so the summary and the reports still come out. Any other end
    // of the JVM while files run is a test's exit that got past the in-process pools: the run fails, never exit 0.
    JvmSignals.install();
    JvmExit.bound(session.projects().stream().map(ProjectConfig::teardownTimeout).max(Duration::compareTo)
        .orElse(Duration.ofSeconds(10)));
    if (!options.collectOnly()) {
      session.onJvmEnd(new Thread(() -> {
        if (JvmSignals.received().isPresent()) {
          run.interruptNow();
          run.end();
          return;
        }
        run.jvmEnded();
        run.end();
        options.console().flush();
        Runtime.getRuntime().halt(1);
      }, "lanes-interrupted"));
    }
    run.start(specs);
    session.execute(groups, List.of());
    session.closePools();
    if (options.collectOnly()) {
      run.collectedAll();
      return new RunResult(run.unhandledErrors().isEmpty() ? 0 : 1, run.modules(), run.unhandledErrors());
    }
    Reporter.RunEndReason reason = run.end();
    boolean reportsWritten = session.reportsWritten();
    session.recordResults();
    boolean coverageMet = !config.coverage().enabled() || CoverageRun.report(config.coverage(), session.projects(),
        options.console(), () -> CoverageReport.read(config.coverage().executionData()));
    return new RunResult(reason == Reporter.RunEndReason.PASSED && coverageMet && reportsWritten ? 0 : 1,
        run.modules(), run.unhandledErrors());
  }

  /**
   * The plan of {@code count} shards balanced by the times recorded in {@code timings} (a results cache, a blob, JUnit
   * XML or a folder of them): what {@code --shard i/count --shard-timings timings} runs on each machine. Throws
   * {@link ConfigurationException} if the setup is wrong or the timings cannot be read.
   */
  public static ShardPlan shardPlan(LanesConfig config, RunOptions options, Path timings, int count) {
    List<String> problems = new ArrayList<>(config.problems());
    List<String> warnings = new ArrayList<>();
    if (count < 1) {
      problems.add("--count must be a positive number of shards, was " + count + ".");
    }
    ShardTimings recorded = ShardTimings.read(timings, problems, warnings);
    try (RunSession session = new RunSession(config, options, false, problems)) {
      List<TestSpecification> files = session.specifications(Optional.empty(), problems);
      if (!problems.isEmpty()) {
        throw new ConfigurationException(problems);
      }
      warnings.forEach(session.logger()::warn);
      List<ShardPlan.Shard> shards = BalancedShards.plan(files, recorded::of, count).stream()
          .map(shard -> new ShardPlan.Shard(shard.index(), shard.millis(), shard.files().stream()
              .map(f -> new ShardPlan.PlannedFile(f.file().project().name(), f.file().moduleId(), f.millis(),
                  f.recorded())).toList())).toList();
      return new ShardPlan(shards, files.size(), (int) files.stream().filter(f -> recorded.of(f).isPresent()).count());
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
    List<Reporter> reporters = new ArrayList<>(ReporterFactory.create(config, RunSession.reporterOptions(config,
        options), problems));
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
    RunMessages.reportErrors(options.console(), run.reportErrors());
    boolean reportsWritten = run.reportErrors().isEmpty();
    if (!options.collectOnly()) {
      for (RunSnapshot blob : blobs) {
        RunMessages.perBlob(options.console(), blob.shard().map(shard -> "shard " + shard).orElse("run"),
            blob.files().size(), blob.durationMillis());
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
}
