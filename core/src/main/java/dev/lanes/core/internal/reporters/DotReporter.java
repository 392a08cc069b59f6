package dev.lanes.core.internal.reporters;

import com.google.auto.service.AutoService;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import java.io.PrintStream;
import java.util.List;

/** Vitest's dot reporter: a character per finished test ({@code ·} passed, {@code x} failed, {@code -} skipped), then failures and the summary. */
public final class DotReporter implements Reporter {
  private static final int WIDTH = 80;

  private final PrintStream out;
  private final ConsoleFormat format;
  private int column;
  private int files;
  private int ended;
  private long start;

  DotReporter(ReporterOptions options) {
    this.out = options.console();
    this.format = new ConsoleFormat(options.interactive());
  }

  @Override
  public void onTestRunStart(List<TestSpecification> specifications) {
    start = System.currentTimeMillis();
    files = specifications.size();
    ended = 0; // a watch rerun starts afresh
    column = 0;
  }

  @Override
  public void onTestModuleEnd(TestModule module) {
    if (++ended == files && column > 0) { // the dots end before other reporters print their last words
      out.println();
      column = 0;
    }
  }

  @Override
  public void onTestCaseResult(TestCase testCase) {
    TaskState state = ConsoleFormat.state(testCase);
    out.print(switch (state) {
      case PASS -> format.green("·");
      case FAIL -> format.red("x");
      default -> format.yellow("-");
    });
    if (++column == WIDTH) {
      out.println();
      column = 0;
    }
    out.flush();
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    if (column > 0) {
      out.println();
    }
    format.failures(out, modules, unhandledErrors);
    format.summary(out, modules, unhandledErrors, start, System.currentTimeMillis() - start);
    if (reason == RunEndReason.INTERRUPTED) {
      out.println(format.yellow("The run was interrupted."));
    }
    out.flush();
  }

  /** {@code reporters = [dot]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "dot";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new DotReporter(options);
    }
  }
}
