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
}
