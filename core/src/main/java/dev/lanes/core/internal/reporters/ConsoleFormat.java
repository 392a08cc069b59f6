package dev.lanes.core.internal.reporters;

import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Vitest's console look: symbols, counts, failure blocks and the closing summary. Colours only on a terminal. */
final class ConsoleFormat {
  private final boolean colour;

  ConsoleFormat(boolean colour) {
    this.colour = colour;
  }

  String green(String text) {
    return paint("32", text);
  }

  String red(String text) {
    return paint("31", text);
  }

  String yellow(String text) {
    return paint("33", text);
  }

  String dim(String text) {
    return paint("2", text);
  }

  String bold(String text) {
    return paint("1", text);
  }

  private String paint(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }

  String symbol(TaskState state) {
    return switch (state) {
      case PASS -> green("✓");
      case FAIL -> red("×");
      case SKIP -> yellow("↓");
      case RUN -> yellow("❯");
    };
  }

  static TaskState state(TestCase test) {
    return test.result().map(TaskResult::state).orElse(TaskState.RUN);
  }

  /**
   * The zone of Lanes' own times, taken when Lanes starts: a test in an in-process pool that changes the default
   * ({@code TimeZone.setDefault}) does not move the summary's start time. Figures are formatted in {@link Locale#ROOT}
   * for the same reason ({@code Locale.setDefault}).
   */
  private static final java.time.ZoneId ZONE = java.time.ZoneId.systemDefault();
  private static final java.time.format.DateTimeFormatter CLOCK =
      java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT);
  /** An escape sequence: CSI (with its final byte), OSC (to BEL or ST), or any other ESC and the character after it. */
  private static final java.util.regex.Pattern ESCAPE = java.util.regex.Pattern.compile(
      "\u001b\\[[0-?]*[ -/]*[@-~]|\u001b\\][^\u0007\u001b]*(?:\u0007|\u001b\\\\)?|\u001b.?");

  static String duration(long millis) {
    return millis < 1000 ? millis + "ms" : String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
  }

  /**
   * A name (a test's, a class's) as the console shows it: its control characters made visible ({@code \u001b[2J}
   * becomes {@code \\e[2J}), so that a display name cannot clear the screen, move the cursor or set the title.
   */
  static String printable(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      out.append(visible(c));
    }
    return out.toString();
  }

  /**
   * What a test printed as the console shows it: colours (SGR sequences) kept, every other escape sequence — cursor
   * moves, clearing, the window title — and the other control characters but tab, CR and LF made visible.
   */
  static String output(String text) {
    java.util.regex.Matcher escapes = ESCAPE.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (escapes.find()) {
      appendOutput(out, text, from, escapes.start());
      String sequence = escapes.group();
      if (sequence.startsWith("\u001b[") && sequence.endsWith("m")) {
        out.append(sequence);
      } else {
        out.append(printable(sequence));
      }
      from = escapes.end();
    }
    appendOutput(out, text, from, text.length());
    return out.toString();
  }

  private static void appendOutput(StringBuilder out, String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      out.append(c == '\t' || c == '\n' || c == '\r' ? String.valueOf(c) : visible(c));
    }
  }

  private static String visible(char c) {
    if (c == '\u001b') {
      return "\\e";
    }
    if (c == '\n') {
      return "\\n";
    }
    if (c == '\t') {
      return "\\t";
    }
    if (c == '\r') {
      return "\\r";
    }
    return Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
  }

  /** A written file's path as the person running tests reads it: relative inside the root, absolute outside. */
  static String displayPath(java.nio.file.Path root, java.nio.file.Path file) {
    java.nio.file.Path absolute = file.toAbsolutePath().normalize();
    return absolute.startsWith(root.toAbsolutePath()) ? root.toAbsolutePath().relativize(absolute).toString()
        : absolute.toString();
  }

  static String label(TestModule module) {
    return printable(module.project().isEmpty() ? module.moduleId() : "|" + module.project() + "| " + module.moduleId());
  }

  /** " ✓ com.acme.FooTest (5 tests | 1 failed) 12ms" */
  String moduleLine(TestModule module) {
    List<TestCase> tests = module.tests();
    long failed = tests.stream().filter(t -> state(t) == TaskState.FAIL).count();
    long skipped = tests.stream().filter(t -> state(t) == TaskState.SKIP).count();
    StringBuilder counts = new StringBuilder(tests.size() + (tests.size() == 1 ? " test" : " tests"));
    if (failed > 0) {
      counts.append(" | ").append(red(failed + " failed"));
    }
    if (skipped > 0 && skipped < tests.size()) {
      counts.append(" | ").append(yellow(skipped + " skipped"));
    }
    String symbol = module.state() == TaskState.FAIL ? red("❯") : symbol(module.state());
    return " " + symbol + " " + label(module) + " " + dim("(" + counts + ")") + " " + dim(duration(module.durationMillis()));
  }

  /** The "Failed Tests" and "Failed Suites" blocks and unhandled errors, as Vitest prints them after a run. */
  void failures(PrintStream out, List<TestModule> modules, List<TestError> unhandled) {
    List<TestModule> failedModules = modules.stream().filter(m -> !m.errors().isEmpty()).toList();
    List<TestCase> failedTests = new ArrayList<>();
    modules.forEach(m -> m.tests().stream().filter(t -> state(t) == TaskState.FAIL).forEach(failedTests::add));
    int total = failedModules.size() + failedTests.size();
    int index = 0;
    if (!failedModules.isEmpty()) {
      out.println();
      out.println(red(bar(" Failed Suites " + failedModules.size() + " ")));
      for (TestModule module : failedModules) {
        out.println();
        out.println(" " + red("FAIL") + "  " + label(module));
        module.errors().forEach(error -> error(out, error));
        out.println(dim(bar("[" + ++index + "/" + total + "]")));
      }
    }
    if (!failedTests.isEmpty()) {
      out.println();
      out.println(red(bar(" Failed Tests " + failedTests.size() + " ")));
      for (TestCase test : failedTests) {
        out.println();
        out.println(" " + red("FAIL") + "  " + (test.module().project().isEmpty() ? "" : "|" + test.module().project() + "| ")
            + printable(test.fullName()));
        test.result().ifPresent(result -> result.errors().forEach(error -> error(out, error)));
        out.println(dim(bar("[" + ++index + "/" + total + "]")));
      }
    }
    if (!unhandled.isEmpty()) {
      out.println();
      out.println(red(bar(" Unhandled Errors ")));
      unhandled.forEach(error -> error(out, error));
    }
  }

  void error(PrintStream out, TestError error) {
    out.println(red(bold(error.name().substring(error.name().lastIndexOf('.') + 1))) + red(": " + error.message()));
    if (error.expected().isPresent() || error.actual().isPresent()) {
      out.println();
      out.println(green("- Expected"));
      out.println(red("+ Received"));
      out.println();
      out.println(green("- " + error.expected().orElse("")));
      out.println(red("+ " + error.actual().orElse("")));
    }
    error.stack().filter(s -> !s.isBlank()).ifPresent(stack -> {
      out.println();
      stack.lines().limit(12).forEach(line -> out.println(" " + dim("❯ " + line.replaceFirst("^\\s*at ", ""))));
    });
    error.cause().ifPresent(cause -> {
      out.println(dim("Caused by: "));
      error(out, cause);
    });
    out.println();
  }

  /** The closing summary, aligned like Vitest's. */
  void summary(PrintStream out, List<TestModule> modules, List<TestError> unhandled, long startMillis, long durationMillis) {
    out.println();
    out.println(dim(" Test Files ") + " " + counts(modules.stream().map(TestModule::state).toList(), modules.size()));
    List<TaskState> tests = new ArrayList<>();
    modules.forEach(m -> m.tests().forEach(t -> tests.add(state(t))));
    out.println(dim("      Tests ") + " " + counts(tests, tests.size()));
    if (!unhandled.isEmpty()) {
      out.println(dim("     Errors ") + " " + red(unhandled.size() + (unhandled.size() == 1 ? " error" : " errors")));
    }
    long flaky = modules.stream().flatMap(m -> m.tests().stream())
        .filter(t -> state(t) == TaskState.PASS && t.result().map(r -> r.retryCount() > 0).orElse(false)).count();
    if (flaky > 0) {
      out.println(dim("      Flaky ") + " " + yellow(flaky + (flaky == 1 ? " test" : " tests") + " passed on a retry"));
    }
    modules.stream().filter(m -> m.state() == TaskState.SKIP).map(TestModule::outcome)
        .filter(FileOutcome.Cancelled.class::isInstance).findFirst().ifPresent(bail -> {
          long notRun = modules.stream().filter(m -> m.state() == TaskState.SKIP && m.outcome().equals(bail)).count();
          out.println(dim("       Bail ") + " " + yellow(((FileOutcome.Cancelled) bail).reason() + "; " + notRun
              + (notRun == 1 ? " file" : " files") + " not run"));
        });
    // HH:mm:ss always: LocalTime's own text drops the seconds when they are 0 ("04:44")
    out.println(dim("   Start at ") + " " + CLOCK.format(java.time.LocalTime.ofInstant(
        java.time.Instant.ofEpochMilli(startMillis), ZONE)));
    out.println(dim("   Duration ") + " " + duration(durationMillis));
    out.println();
  }

  private String counts(List<TaskState> states, int total) {
    List<String> parts = new ArrayList<>();
    long failed = states.stream().filter(s -> s == TaskState.FAIL).count();
    long passed = states.stream().filter(s -> s == TaskState.PASS).count();
    long skipped = states.stream().filter(s -> s == TaskState.SKIP).count();
    if (failed > 0) {
      parts.add(bold(red(failed + " failed")));
    }
    if (passed > 0) {
      parts.add(bold(green(passed + " passed")));
    }
    if (skipped > 0) {
      parts.add(yellow(skipped + " skipped"));
    }
    if (parts.isEmpty()) {
      parts.add("no tests");
    }
    return String.join(dim(" | "), parts) + " " + dim("(" + total + ")");
  }

  private static String bar(String title) {
    int side = Math.max(3, (60 - title.length()) / 2);
    return "⎯".repeat(side) + title + "⎯".repeat(side);
  }
}
