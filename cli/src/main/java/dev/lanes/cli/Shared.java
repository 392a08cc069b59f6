package dev.lanes.cli;

import dev.lanes.core.ConfigOverride;
import dev.lanes.core.ConfigurationException;
import dev.lanes.core.Lanes;
import dev.lanes.core.RunOptions;
import dev.lanes.core.LanesConfig;
import dev.lanes.core.TestListing;
import dev.lanes.core.WatchSession;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options every command takes: where the project is, what to run and how, and the console to show it on. */
final class Shared {
  static final ThreadLocal<PrintStream[]> streams = new ThreadLocal<>();

  @Parameters(paramLabel = "FILTER", description = "Run only test classes whose name contains one of these.")
  List<String> filters = new ArrayList<>();

  @Option(names = "--root", description = "The project root (default: the current folder).")
  Path root = Path.of("");

  @Option(names = "--config", description = "The configuration file (default: <root>/lanes.conf).")
  Path config;

  @Option(names = "--pool", description = "The pool: a name (threads) or a pool jar's path (./pool.jar#name).")
  String pool;

  @Option(names = "--project", description = "Run only this project.")
  String project;

  @Option(names = "--maxWorkers", description = "Workers at once: a number or a percentage (\"50%%\").")
  String maxWorkers;

  @Option(names = "--isolate", negatable = true, description = "A fresh worker per test file (--no-isolate reuses workers).")
  Boolean isolate;

  @Option(names = "--reporter", description = "Reporters: default, verbose, dot, json, junit, surefire, blob, github-actions, html (repeatable).")
  List<String> reporters;

  @Option(names = "--outputFile", paramLabel = "[REPORTER=]PATH",
      description = "Where file-writing reporters write: one path for all, or REPORTER=PATH (repeatable);"
          + " --outputFile.junit=PATH is the same.")
  List<String> outputFile;

  @Option(names = "--classpath", description = "The test class path (path-separated), or @file to read it from a file.")
  String classpath;

  @Option(names = "--testTimeout", description = "Fail a test running longer than this (e.g. 10s; 0 = no limit).")
  String testTimeout;

  @Option(names = "--shard", description = "Run only this shard of the files: <index>/<count>, e.g. 1/3.")
  String shard;

  @Option(names = "--shard-timings", paramLabel = "FILE",
      description = "Balance the shards by the durations a recorded run kept here: a results cache, a blob, JUnit XML"
          + " or a folder of them (the same on every machine).")
  Path shardTimings;

  @Option(names = "--changed", arity = "0..1", fallbackValue = "", paramLabel = "REF",
      description = "Run only the test files a change reaches: since REF (--changed=HEAD~1, a branch) or, without one,"
          + " what is not committed. A build file, resource or lanes.conf that changed runs everything.")
  String changed;

  @Option(names = "--last-failed", description = "Run only the test files that failed in the last recorded run"
      + " (all of them, saying so, when none was recorded).")
  boolean lastFailed;

  @Option(names = "--bail", description = "Stop handing out files after this many failed tests.")
  Integer bail;

  @Option(names = "--retry", description = "Run a failing test again up to this many times.")
  Integer retry;

  @Option(names = "--tags", paramLabel = "EXPRESSION",
      description = "Run only tests whose JUnit tags match: a tag expression such as 'fast & !slow' (repeatable: any).")
  List<String> tags;

  @Option(names = "--coverage", negatable = true,
      description = "Measure code coverage with JaCoCo and report it at the end (coverage.* in lanes.conf).")
  Boolean coverage;

  @Option(names = "--sequence.shuffle", negatable = true, description = "Run the files in a random order (the seed is printed).")
  Boolean shuffle;

  @Option(names = "--sequence.seed", description = "The seed of --sequence.shuffle, to replay an order.")
  Long seed;

  @Option(names = "--passWithNoTests", description = "Pass when there are no test files (an empty shard, say).")
  Boolean passWithNoTests;

  LanesConfig load() {
    return load(List.of());
  }

  /** The configuration with the command line's options, and {@code extra} overrides beneath them. */
  LanesConfig load(List<ConfigOverride> extra) {
    List<ConfigOverride> overrides = new ArrayList<>(extra);
    add(overrides, "pool", Main.poolFromHere(pool), "--pool");
    add(overrides, "maxWorkers", maxWorkers, "--maxWorkers");
    add(overrides, "isolate", isolate, isolate != null && !isolate ? "--no-isolate" : "--isolate");
    add(overrides, "reporters", reporters, "--reporter");
    add(overrides, "outputFile", outputFiles(), "--outputFile");
    add(overrides, "testTimeout", testTimeout, "--testTimeout");
    add(overrides, "shard", shard, "--shard");
    add(overrides, "shardTimings", shardTimings == null ? null : shardTimings.toAbsolutePath().toString(),
        "--shard-timings");
    add(overrides, "bail", bail, "--bail");
    add(overrides, "retry", retry, "--retry");
    add(overrides, "tags", tags, "--tags");
    add(overrides, "coverage.enabled", coverage, coverage != null && !coverage ? "--no-coverage" : "--coverage");
    add(overrides, "sequence.shuffle", shuffle, "--sequence.shuffle");
    add(overrides, "sequence.seed", seed, "--sequence.seed");
    add(overrides, "passWithNoTests", passWithNoTests, "--passWithNoTests");
    if (classpath != null) {
      add(overrides, "classpath", List.of(classpath.startsWith("@") ? classpath
          : classpath.replace(java.io.File.pathSeparator, "\n")).stream()
          .flatMap(c -> c.startsWith("@") ? java.util.stream.Stream.of(c) : c.lines())
          .map(c -> c.startsWith("@") ? "@" + Path.of(c.substring(1)).toAbsolutePath() : Path.of(c).toAbsolutePath().toString())
          .toList(), "--classpath");
    }
    Path absoluteRoot = root.toAbsolutePath().normalize();
    return Lanes.loadConfig(absoluteRoot, Optional.ofNullable(config).map(Path::toAbsolutePath), overrides);
  }

  /** One path for every reporter, or {@code reporter=path} pairs as a map (the {@code outputFile} key's two forms). */
  private Object outputFiles() {
    if (outputFile == null) {
      return null;
    }
    if (outputFile.size() == 1 && !outputFile.get(0).matches("[\\w-]+=.*")) {
      return outputFile.get(0);
    }
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    for (String entry : outputFile) {
      int equals = entry.indexOf('=');
      if (equals < 1) {
        throw new ConfigurationException(List.of("--outputFile: give one path for all reporters, or REPORTER=PATH"
            + " for each (e.g. --outputFile junit=target/lanes.xml); got '" + entry + "'."));
      }
      files.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return files;
  }

  RunOptions options(boolean collectOnly) {
    return RunOptions.builder(out()).filters(filters).collectOnly(collectOnly).interactive(interactive())
        .project(Optional.ofNullable(project)).lastFailed(lastFailed)
        .changed(Optional.ofNullable(changed)).build();
  }

  PrintStream out() {
    return streams.get()[0];
  }

  PrintStream err() {
    return streams.get()[1];
  }

  private static void add(List<ConfigOverride> overrides, String key, Object value, String option) {
    if (value != null) {
      overrides.add(new ConfigOverride(key, value, option));
    }
  }

  private static boolean interactive() {
    if (System.getenv("CI") != null && !System.getenv("CI").equalsIgnoreCase("false")) {
      return false;
    }
    if ("dumb".equals(System.getenv("TERM")) || System.console() == null) {
      return false;
    }
    try {
      Method isTerminal = System.console().getClass().getMethod("isTerminal");
      return (Boolean) isTerminal.invoke(System.console());
    } catch (ReflectiveOperationException | RuntimeException e) {
      return true;
    }
  }
}
