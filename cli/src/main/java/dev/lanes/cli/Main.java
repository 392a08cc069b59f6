package dev.lanes.cli;

import dev.lanes.core.CiShard;
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
import java.nio.file.Files;
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
    subcommands = {Main.Run.class, Main.Watch.class, Main.ListTests.class, Shards.class})
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
        List<ConfigOverride> fromCi = ciShard(shared);
        return Lanes.run(shared.load(fromCi), shared.options(false)).exitCode();
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
   * Without {@code --shard}, the shard the CI's own variables give ({@link CiShard}), said on the first line; under
   * Bazel the status file is touched, the JUnit XML goes to {@code XML_OUTPUT_FILE} too, and {@code --test_filter}
   * filters the classes.
   */
  private static List<ConfigOverride> ciShard(Shared shared) {
    List<String> problems = new ArrayList<>();
    Optional<CiShard> detected = shared.shard == null ? CiShard.detect(System.getenv(), problems) : Optional.empty();
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems);
    }
    if (detected.isEmpty()) {
      return List.of();
    }
    CiShard ci = detected.get();
    List<ConfigOverride> overrides = new ArrayList<>();
    if (ci.sharded()) {
      overrides.add(new ConfigOverride("shard", ci.shard(), "the CI's variables"));
      shared.out().println(ci.says());
    }
    ci.statusFile().ifPresent(file -> touch(file, shared));
    shared.filters.addAll(ci.filters());
    ci.xmlOutput().ifPresent(xml -> {
      List<String> reporters = new ArrayList<>(shared.load(overrides).reporters());
      if (!reporters.contains("junit")) {
        reporters.add("junit");
      }
      overrides.add(new ConfigOverride("reporters", reporters, "XML_OUTPUT_FILE"));
      overrides.add(new ConfigOverride("outputFile.junit", xml.toAbsolutePath().toString(), "XML_OUTPUT_FILE"));
    });
    return overrides;
  }

  /** Bazel's sign that the test runner shards: the file exists (its time is now). */
  private static void touch(Path file, Shared shared) {
    try {
      Path absolute = file.toAbsolutePath();
      Files.createDirectories(absolute.getParent());
      if (Files.exists(absolute)) {
        Files.setLastModifiedTime(absolute, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
      } else {
        Files.createFile(absolute);
      }
    } catch (java.io.IOException e) {
      shared.err().println("WARN TEST_SHARD_STATUS_FILE " + file + " cannot be touched: " + e.getMessage());
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
