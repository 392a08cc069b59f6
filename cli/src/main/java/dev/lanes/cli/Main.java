package dev.lanes.cli;

import dev.lanes.core.ConfigOverride;
import dev.lanes.core.ConfigurationException;
import dev.lanes.core.Lanes;
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

/**
 * {@code lanes run}, {@code lanes watch} and {@code lanes list}. Exit codes: 0 passed, 1 test failures, 2 usage or
 * configuration error.
 */
@Command(name = "lanes", mixinStandardHelpOptions = true, version = "Lanes " + Lanes.VERSION,
    description = "Runs JVM test suites in pools of workers.",
    subcommands = {Main.Run.class, Main.Watch.class, Main.ListTests.class})
public final class Main {
  static final int CONFIGURATION_ERROR = 2;

  public static void main(String[] args) {
    Lanes.exit(execute(args, new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8),
        new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8)));
  }

  /** Runs the command line with these streams; returns the exit code. */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setOut(new java.io.PrintWriter(out, true));
    commandLine.setErr(new java.io.PrintWriter(err, true));
    commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
      if (e instanceof ConfigurationException config) {
        err.println(config.getMessage());
        return CONFIGURATION_ERROR;
      }
      throw e;
    });
    Shared.streams.set(new PrintStream[] {out, err});
    try {
      // Vitest's spellings: `lanes --merge-reports [dir]` is `lanes run --merge-reports [dir]`, and
      // `--outputFile.junit=PATH` (or `--outputFile.junit PATH`) is `--outputFile junit=PATH`
      String[] spelled = vitestSpellings(args);
      return commandLine.execute(spelled.length > 0 && spelled[0].startsWith("--merge-reports")
          ? prepend("run", spelled) : spelled);
    } finally {
      Shared.streams.remove();
    }
  }

  static String[] vitestSpellings(String[] args) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("--outputFile\\.([\\w-]+)(?:=(.*))?")
          .matcher(args[i]);
      if (matcher.matches()) {
        String path = matcher.group(2) != null ? matcher.group(2) : i + 1 < args.length ? args[++i] : "";
        out.add("--outputFile");
        out.add(matcher.group(1) + "=" + path);
      } else {
        out.add(args[i]);
      }
    }
    return out.toArray(String[]::new);
  }

  private static String[] prepend(String first, String[] rest) {
    String[] all = new String[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  /** Options both commands take. */
  static final class Shared {
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
      List<ConfigOverride> overrides = new ArrayList<>();
      add(overrides, "pool", poolFromHere(pool), "--pool");
      add(overrides, "maxWorkers", maxWorkers, "--maxWorkers");
      add(overrides, "isolate", isolate, isolate != null && !isolate ? "--no-isolate" : "--isolate");
      add(overrides, "reporters", reporters, "--reporter");
      add(overrides, "outputFile", outputFiles(), "--outputFile");
      add(overrides, "testTimeout", testTimeout, "--testTimeout");
      add(overrides, "shard", shard, "--shard");
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

    Lanes.RunOptions options(boolean collectOnly) {
      return new Lanes.RunOptions(filters, collectOnly, out(), interactive(), Optional.ofNullable(project), List.of());
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

  /** {@code lanes run}. */
  @Command(name = "run", mixinStandardHelpOptions = true, description = "Run the test suite.")
  static final class Run implements Callable<Integer> {
    @Mixin
    Shared shared;

    @Option(names = "--merge-reports", arity = "0..1", fallbackValue = "", paramLabel = "DIR",
        description = "Report the blob reports in DIR (default: <root>/.lanes-reports) as one run, without running.")
    String mergeReports;

    @Override
    public Integer call() {
      if (mergeReports == null) {
        return Lanes.run(shared.load(), shared.options(false)).exitCode();
      }
      if (!shared.filters.isEmpty()) {
        shared.err().println("--merge-reports reports the blobs as they are; it takes no filters (got "
            + shared.filters + ").");
        return CONFIGURATION_ERROR;
      }
      LanesConfig config = shared.load();
      Path folder = mergeReports.isEmpty() ? config.root().resolve(".lanes-reports")
          : Path.of(mergeReports).toAbsolutePath().normalize();
      return Lanes.mergeReports(config, folder, shared.options(false)).exitCode();
    }
  }

  /**
   * {@code lanes watch}: runs the suite, then reruns the test classes a change of the class folders reaches, with
   * the keys {@code a} (all), {@code f} (failed), {@code q} (quit), {@code h} (help) and Enter (all). Exits with the
   * last run's code.
   */
  @Command(name = "watch", mixinStandardHelpOptions = true,
      description = "Run the tests, then rerun those a recompiled class reaches; keys: a all, f failed, q quit.")
  static final class Watch implements Callable<Integer> {
    private static final int LISTED = 3;
    private static final Duration GRACE = Duration.ofSeconds(3);
    /** The exit code of a run that was interrupted, as after Ctrl-C (128 + SIGINT). */
    private static final int INTERRUPTED = 130;

    @Mixin
    Shared shared;

    @Override
    public Integer call() throws InterruptedException {
      PrintStream out = shared.out();
      LanesConfig config = shared.load();
      try (WatchSession session = Lanes.watch(config, shared.options(false));
           Keys keys = Keys.open(() -> quitting(session, out))) {
        out.println(" WATCH  " + session.folders().size() + (session.folders().size() == 1 ? " folder" : " folders")
            + ": " + session.folders().stream().map(f -> config.root().relativize(f).toString()).toList());
        Lanes.RunResult last = session.runAll();
        int exit = last.exitCode();
        waiting(out, last);
        while (true) {
          Optional<Character> key = keys.poll(0);
          if (key.isPresent()) {
            switch (key.get()) {
              case 'q' -> {
                return exit;
              }
              case 'a', '\r', '\n' -> {
                out.println("\n RERUN  all test files");
                last = session.runAll();
                exit = last.exitCode();
                waiting(out, last);
              }
              case 'f' -> {
                Optional<Lanes.RunResult> failed = session.runFailed();
                if (failed.isEmpty()) {
                  out.println(" No failed test files to rerun.");
                } else {
                  exit = failed.get().exitCode();
                  waiting(out, failed.get());
                }
              }
              case 'h' -> help(out);
              default -> {
                // other keys mean nothing here
              }
            }
            continue;
          }
          Optional<WatchSession.Rerun> change = session.awaitChange(Duration.ofMillis(150));
          if (change.isEmpty()) {
            continue;
          }
          WatchSession.Rerun rerun = change.get();
          String changed = listed(rerun.changedClasses(), rerun.invalidates().size());
          if (rerun.specs().isEmpty()) {
            out.println("\n CHANGE  " + changed + ": no test file uses it");
            continue;
          }
          out.println("\n RERUN  " + changed + " -> " + rerun.specs().size()
              + (rerun.specs().size() == 1 ? " test file" : " test files"));
          last = session.rerun(rerun);
          exit = last.exitCode();
          waiting(out, last);
        }
      }
    }

    /**
     * {@code q} in a run: no more files are handed out and the running tests get {@link #GRACE} to finish; then the
     * run ends as interrupted (its summary and reports come out) and Lanes exits, stopping its workers.
     */
    private static void quitting(WatchSession session, PrintStream out) {
      if (!session.running()) {
        return; // the main loop quits
      }
      out.println("\n Stopping: no more files; the running tests have " + GRACE.toSeconds() + "s to finish...");
      session.stop();
      Thread deadline = new Thread(() -> {
        try {
          Thread.sleep(GRACE.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        if (session.running()) {
          session.interrupt();
          Lanes.exit(INTERRUPTED);
        }
      }, "lanes-watch-quit");
      deadline.setDaemon(true);
      deadline.start();
    }

    private static String listed(List<String> classes, int files) {
      if (classes.isEmpty()) {
        return files + (files == 1 ? " resource" : " resources");
      }
      String shown = String.join(", ", classes.subList(0, Math.min(LISTED, classes.size())));
      return classes.size() > LISTED ? shown + " and " + (classes.size() - LISTED) + " more" : shown;
    }

    private static void waiting(PrintStream out, Lanes.RunResult result) {
      out.println();
      out.println(result.modules().isEmpty() && result.unhandledErrors().isEmpty()
          ? " IDLE  No test files yet. Watching for file changes..."
          : result.exitCode() == 0 ? " PASS  Waiting for file changes..." : " FAIL  Tests failed. Watching for file changes...");
      out.println("       press h to show help, press q to quit");
    }

    private static void help(PrintStream out) {
      out.println();
      out.println(" Watch Usage");
      out.println(" press a to rerun all tests");
      out.println(" press f to rerun only failed tests");
      out.println(" press Enter to rerun all tests");
      out.println(" press q to quit");
    }
  }

  /** {@code lanes list}: collects tests, runs none. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the tests without running any.")
  static final class ListTests implements Callable<Integer> {
    @Mixin
    Shared shared;

    @Option(names = "--json", description = "Print the tests as JSON.")
    boolean json;

    @Override
    public Integer call() {
      Lanes.RunResult result = Lanes.run(shared.load(), shared.options(true));
      PrintStream out = shared.out();
      if (json) {
        out.println(TestListing.json(result.modules()));
      } else {
        TestListing.lines(result.modules()).forEach(out::println);
      }
      return result.exitCode();
    }
  }

  /** A pool jar's path on the command line is relative to where the command runs (in lanes.conf, to the root). */
  static String poolFromHere(String pool) {
    if (pool == null || !Lanes.isPoolJarPath(pool)) {
      return pool;
    }
    int hash = pool.indexOf('#');
    String jar = hash < 0 ? pool : pool.substring(0, hash);
    return Path.of(jar).toAbsolutePath().normalize() + (hash < 0 ? "" : pool.substring(hash));
  }
}
