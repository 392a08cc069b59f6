package dev.lanes.examples.tap;

import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.report.FileReport;
import dev.lanes.spi.report.TestReport;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a script's TAP (version 12 and 13) into its file's report, line by line: {@code ok}/{@code not ok} lines
 * are tests (their {@code # SKIP} and {@code # TODO} directives skips), a YAML block after a failed test its
 * diagnostics, {@code 1..N} the plan ({@code 1..0 # SKIP why} skips the file), {@code Bail out!} the file's failure,
 * and any other line output. A test's time is the time since the line before it.
 */
final class TapReader {
  private static final Pattern TEST = Pattern.compile("^(not )?ok\\b\\s*(\\d+)?\\s*(?:-\\s*)?([^#]*?)\\s*(?:#\\s*(\\S+)\\s*(.*))?$");
  private static final Pattern PLAN = Pattern.compile("^1\\.\\.(\\d+)\\s*(?:#\\s*(?i:skip)\\S*\\s*(.*))?$");

  private final FileReport report;
  private long lastLine = System.nanoTime();
  private int count;
  private Optional<Integer> plan = Optional.empty();
  private TestReport failed;
  private Duration failedTook;
  private String failure;
  private StringBuilder diagnostics;
  private boolean bailedOut;

  TapReader(FileReport report) {
    this.report = report;
  }

  void line(String line) {
    if (diagnostics != null) {
      if (line.strip().equals("...")) {
        endFailure();
      } else {
        diagnostics.append(line.strip()).append('\n');
      }
      return;
    }
    if (failed != null && line.strip().equals("---")) {
      diagnostics = new StringBuilder(); // TAP 13: the failed test's YAML block, up to "..."
      return;
    }
    endFailure();
    Matcher test = TEST.matcher(line);
    Matcher plannedTo = PLAN.matcher(line.strip());
    if (test.matches() && !bailedOut) {
      test(test);
    } else if (plannedTo.matches() && !bailedOut) {
      plan = Optional.of(Integer.parseInt(plannedTo.group(1)));
      if (plan.get() == 0 && !report.isCollecting()) {
        report.skipped(Optional.ofNullable(plannedTo.group(2)).filter(r -> !r.isBlank()).orElse("1..0: no tests"));
      }
    } else if (line.startsWith("Bail out!") && !report.isCollecting()) {
      bailedOut = true;
      report.failed(TestError.of("BailOut", line.substring("Bail out!".length()).strip()));
    } else if (!report.isCollecting() && !report.isFinished()) {
      report.output(line + "\n");
    }
  }

  private void test(Matcher line) {
    count++;
    long now = System.nanoTime();
    Duration took = Duration.ofNanos(now - lastLine);
    lastLine = now;
    String name = line.group(3).isBlank() ? "test " + (line.group(2) != null ? line.group(2) : count) : line.group(3);
    if (!report.selects(name, Optional.empty())) {
      return; // the script runs every test; the run asked for some (lanes run -t 'pattern')
    }
    TestReport test = report.test(name);
    if (report.isCollecting()) {
      return;
    }
    String directive = Optional.ofNullable(line.group(4)).orElse("").toUpperCase(java.util.Locale.ROOT);
    String reason = Optional.ofNullable(line.group(5)).orElse("").strip();
    boolean ok = line.group(1) == null;
    if (directive.startsWith("SKIP")) {
      test.skipped(reason.isEmpty() ? "skipped by the script" : reason);
    } else if (directive.startsWith("TODO") && !ok) {
      test.skipped("TODO" + (reason.isEmpty() ? "" : ": " + reason)); // TAP: a failing TODO test does not fail
    } else if (ok) {
      test.passed(took);
    } else {
      failed = test;
      failedTook = took;
      failure = "not ok " + (line.group(2) != null ? line.group(2) + " - " : "") + name;
    }
  }

  /** The failed test waiting for its YAML block ends, with the block as its message's rest. */
  private void endFailure() {
    if (failed == null) {
      return;
    }
    String said = diagnostics == null ? "" : diagnostics.toString().strip();
    failed.failed(failedTook, java.util.List.of(TestError.of("TapFailure", said.isEmpty() ? failure
        : failure + "\n" + said)));
    failed = null;
    diagnostics = null;
  }

  /** After the script's last line: a file error if it ran other than its plan said. */
  Optional<TestError> end() {
    endFailure();
    if (bailedOut || report.isFinished()) {
      return Optional.empty();
    }
    if (plan.isEmpty()) {
      return count == 0 ? Optional.of(TestError.of("NoPlan", "the script reported no test and no plan"))
          : Optional.empty();
    }
    return plan.get() != count ? Optional.of(TestError.of("PlanMismatch", "planned " + plan.get() + " tests, ran "
        + count)) : Optional.empty();
  }
}
