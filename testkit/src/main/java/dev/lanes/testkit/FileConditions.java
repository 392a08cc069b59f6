package dev.lanes.testkit;

import dev.lanes.spi.FileOutcome;
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
    return outcome(FileOutcome.Stalled.class, "stalled in its pool");
  }

  /** A file whose worker died while running it (any exit code, or none). */
  public static Condition<TestModule> crashed() {
    return outcome(FileOutcome.Crashed.class, "crashed");
  }

  /** A file whose worker died while running it, with an exit code that meets {@code exit}: {@code crashed(exitCode(137))}. */
  public static Condition<TestModule> crashed(Condition<Integer> exit) {
    return new Condition<>(m -> m.outcome() instanceof FileOutcome.Crashed crash && crash.exitCode().isPresent()
        && exit.matches(crash.exitCode().getAsInt()), "crashed with " + exit.description());
  }

  public static Condition<Integer> exitCode(int code) {
    return new Condition<>(actual -> actual == code, "exit code " + code);
  }

  /** A file given up on because its worker stopped answering (a hang past {@code testTimeout + teardownTimeout}). */
  public static Condition<TestModule> timedOut() {
    return outcome(FileOutcome.TimedOut.class, "timed out");
  }

  /** A file the machinery failed under otherwise: a worker that did not start, a pool that threw. */
  public static Condition<TestModule> aborted() {
    return outcome(FileOutcome.Aborted.class, "aborted");
  }

  /** A file a bail kept from running. */
  public static Condition<TestModule> cancelled() {
    return outcome(FileOutcome.Cancelled.class, "cancelled by a bail");
  }

  /** A file an interrupted run never finished. */
  public static Condition<TestModule> notRun() {
    return outcome(FileOutcome.NotRun.class, "not run: the run was interrupted");
  }

  /** A file whose {@link TestModule#outcome() outcome} is of {@code kind}. */
  public static Condition<TestModule> outcome(Class<? extends FileOutcome> kind, String description) {
    return new Condition<>(m -> kind.isInstance(m.outcome()), description);
  }
}
