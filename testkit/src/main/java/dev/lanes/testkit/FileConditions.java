package dev.lanes.testkit;

import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import org.assertj.core.api.Condition;

/** AssertJ conditions on a run's files: {@code assertThat(run.files()).haveExactly(1, failedWith("exit code 137"))}. */
public final class FileConditions {
  private FileConditions() {
  }

  public static Condition<TestModule> passed() {
    return new Condition<>(m -> m.state() == TaskState.PASS, "passed");
  }

  /** A file with a failed test or an error of its own. */
  public static Condition<TestModule> failed() {
    return new Condition<>(m -> m.state() == TaskState.FAIL, "failed");
  }

  public static Condition<TestModule> skipped() {
    return new Condition<>(m -> m.state() == TaskState.SKIP, "skipped");
  }

  /** A file that failed with an error of its own (a crash, a class that did not load) whose message contains {@code text}. */
  public static Condition<TestModule> failedWith(String text) {
    return new Condition<>(m -> m.state() == TaskState.FAIL && m.errors().stream().map(TestError::message)
        .anyMatch(message -> message.contains(text)), "failed with an error containing '" + text + "'");
  }

  /** A file with a test that failed with an error (or a cause of one) whose message contains {@code text}. */
  public static Condition<TestModule> testFailedWith(String text) {
    return new Condition<>(m -> m.tests().stream().flatMap(t -> t.result().stream())
        .filter(r -> r.state() == TaskState.FAIL).flatMap(r -> r.errors().stream())
        .anyMatch(error -> mentions(error, text)), "a test failed with an error containing '" + text + "'");
  }

  private static boolean mentions(TestError error, String text) {
    return error.message().contains(text) || error.cause().map(cause -> mentions(cause, text)).orElse(false);
  }

  /** A file that a whole pool stopped reporting on, failed by Lanes' watch after {@code testTimeout + teardownTimeout}. */
  public static Condition<TestModule> stalled() {
    return new Condition<>(m -> m.state() == TaskState.FAIL && m.errors().stream().map(TestError::message)
        .anyMatch(message -> message.contains("] reported nothing for '")), "stalled in its pool");
  }

  /** A file whose worker died while running it (any exit code). */
  public static Condition<TestModule> crashed() {
    return crashed(new Condition<>(code -> true, "any exit code"));
  }

  /** A file whose worker died while running it, with an exit code that meets {@code exit}: {@code crashed(exitCode(137))}. */
  public static Condition<TestModule> crashed(Condition<Integer> exit) {
    return new Condition<>(m -> m.state() == TaskState.FAIL && m.errors().stream().map(TestError::message)
        .map(FileConditions::exitCodeIn).anyMatch(code -> code != null && exit.matches(code)),
        "crashed with " + exit.description());
  }

  public static Condition<Integer> exitCode(int code) {
    return new Condition<>(actual -> actual == code, "exit code " + code);
  }

  /** A file given up on because its worker stopped answering (a hang past {@code testTimeout + teardownTimeout}). */
  public static Condition<TestModule> timedOut() {
    return new Condition<>(m -> m.state() == TaskState.FAIL && m.errors().stream().map(TestError::message)
        .anyMatch(message -> message.contains("Test file did not finish")), "timed out");
  }

  private static Integer exitCodeIn(String message) {
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Worker exited unexpectedly with exit code (-?\\d+)")
        .matcher(message);
    return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
  }
}
