package dev.lanes.core.internal.reporters;

import com.google.auto.service.AutoService;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Vitest's default reporter: a line per finished file (every test with {@code verbose}), console
 * output as it arrives, failures and a summary at the end. On a terminal it also keeps a live block
 * at the bottom with what each worker is running; in CI or when piped it prints plain lines only.
 */
public final class DefaultReporter implements Reporter {
  private static final long REDRAW_MILLIS = 100;

  private final PrintStream out;
  private final boolean live;
  private final boolean verbose;
  private final ConsoleFormat format;
  private final Optional<String> shard;
  private final OptionalLong seed;
  private final Map<String, TestModule> running = new LinkedHashMap<>();
  /** Every file's name by its id, for output that belongs to a file rather than a test, even after it ended. */
  private final Map<String, String> names = new java.util.concurrent.ConcurrentHashMap<>();
  private final List<TestModule> finished = new ArrayList<>();
  private int drawnLines;
  private long lastDraw;
  private long start;
  private int total;

  DefaultReporter(ReporterOptions options, boolean verbose) {
    this.out = options.console();
    this.live = options.interactive();
    this.verbose = verbose;
    this.format = new ConsoleFormat(options.interactive());
    this.shard = options.shard();
    this.seed = options.seed();
  }

  /** A pool by its name, or a pool jar by its file's name ({@code tap-pool.jar}), not its whole path. */
  private static String poolShown(String pool) {
    int slash = Math.max(pool.lastIndexOf('/'), pool.lastIndexOf('\\'));
    return slash < 0 ? pool : pool.substring(slash + 1);
  }

  @Override
  public void onTestRunStart(List<TestSpecification> specifications) {
    start = System.currentTimeMillis();
    total = specifications.size();
    running.clear(); // a watch rerun starts afresh
    finished.clear();
    out.println();
    out.println(" " + format.bold("RUN") + "  " + format.dim("Lanes " + specifications.size() + " test files, pools "
        + specifications.stream().map(TestSpecification::pool).map(DefaultReporter::poolShown).distinct().toList()
        + shard.map(s -> ", shard " + s).orElse("")));
    if (seed.isPresent()) {
      out.println("      " + format.dim("Running tests with seed \"" + seed.getAsLong() + "\""));
    }
    out.println();
  }

  /** Output a file prints before it starts (a discovery issue, a static initialiser) is named after it. */
  @Override
  public void onTestModuleQueued(TestModule module) {
    names.put(module.id(), module.moduleId());
  }

  @Override
  public void onTestModuleStart(TestModule module) {
    running.put(module.id(), module);
    names.put(module.id(), module.moduleId());
    redraw(true);
  }

  @Override
  public void onTestCaseResult(TestCase testCase) {
    redraw(false);
  }

  @Override
  public void onUserConsoleLog(UserConsoleLog log, Optional<TestCase> testCase) {
    clear();
    String where = testCase.map(TestCase::fullName).orElseGet(() -> log.taskId()
        .map(id -> names.getOrDefault(id, id)).orElse(""));
    out.println(format.dim(log.type().name().toLowerCase(Locale.ROOT) + " | " + ConsoleFormat.printable(where)));
    String content = ConsoleFormat.output(log.content());
    out.print(content.endsWith("\n") ? content : content + "\n");
    out.println();
    redraw(true);
  }

  @Override
  public void onTestModuleEnd(TestModule module) {
    running.remove(module.id());
    finished.add(module);
    if (module.tests().isEmpty() && module.outcome() instanceof FileOutcome.NotRun) {
      return; // never started in an interrupted run: the summary counts it, a line each would only be noise
    }
    clear();
    out.println(format.moduleLine(module));
    for (TestCase test : module.tests()) {
      TaskState state = ConsoleFormat.state(test);
      int retries = test.result().map(r -> r.retryCount()).orElse(0);
      if (verbose || state == TaskState.FAIL || retries > 0) {
        String note = state == TaskState.SKIP ? test.result().flatMap(r -> r.note()).map(n -> " " + format.dim(n)).orElse("") : "";
        out.println("   " + format.symbol(state) + " " + ConsoleFormat.printable(String.join(" > ", withName(test))) + " "
            + format.dim(ConsoleFormat.duration(test.result().map(r -> r.durationMillis()).orElse(0L))) + note
            + (retries > 0 ? " " + format.yellow("(retry x" + retries + ")") : ""));
      }
    }
    redraw(true);
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    clear();
    format.failures(out, modules, unhandledErrors);
    format.summary(out, modules, unhandledErrors, start, System.currentTimeMillis() - start);
    if (reason == RunEndReason.INTERRUPTED) {
      out.println(format.yellow("The run was interrupted."));
    }
    out.flush();
  }

  private static List<String> withName(TestCase test) {
    List<String> names = new ArrayList<>(test.suitePath());
    names.add(test.name());
    return names;
  }

  private void redraw(boolean force) {
    if (!live) {
      return;
    }
    long now = System.currentTimeMillis();
    if (!force && now - lastDraw < REDRAW_MILLIS) {
      return;
    }
    clear();
    List<String> lines = new ArrayList<>();
    for (TestModule module : running.values()) {
      long done = module.tests().stream().filter(t -> ConsoleFormat.state(t).isFinal()).count();
      lines.add(" " + format.yellow("❯") + " " + ConsoleFormat.label(module) + " " + format.dim(done + "/"
          + module.tests().size()) + format.dim(module.poolId() > 0 ? "  [worker " + module.poolId() + "]"
          : "  [" + poolShown(module.pool()) + "]")); // a whole pool's file: the pool the run waits on
    }
    long failed = finished.stream().filter(m -> m.state() == TaskState.FAIL).count();
    lines.add("");
    lines.add(format.dim(" Test Files ") + " " + (failed > 0 ? format.red(failed + " failed") + format.dim(" | ") : "")
        + format.green((finished.size() - failed) + " passed") + format.dim(" (" + total + ")")
        + format.dim("   " + ConsoleFormat.duration(now - start)));
    lines.forEach(out::println);
    out.flush();
    drawnLines = lines.size();
    lastDraw = now;
  }

  private void clear() {
    if (live && drawnLines > 0) {
      out.print("\u001b[" + drawnLines + "A\u001b[J");
      drawnLines = 0;
    }
  }

  /** {@code reporters = [default]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "default";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new DefaultReporter(options, false);
    }
  }

  /** {@code reporters = [verbose]}: every test on its own line. */
  @AutoService(ReporterProvider.class)
  public static final class VerboseProvider implements ReporterProvider {
    @Override
    public String name() {
      return "verbose";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new DefaultReporter(options, true);
    }
  }
}
