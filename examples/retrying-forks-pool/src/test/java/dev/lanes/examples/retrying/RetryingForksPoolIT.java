package dev.lanes.examples.retrying;

import static dev.lanes.testkit.FileConditions.failed;
import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool through Lanes' real core and real forked JVMs, given as an instance. */
class RetryingForksPoolIT {
  @TempDir
  Path markers;

  @Test
  void aFileThatFailsOnceIsRunAgainInAFreshJvmAndPasses() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new RetryingForksPoolProvider()), markers, "**/FlakyFixture.class")
        .run();

    TestModule flaky = run.file("dev.lanes.examples.retrying.fixtures.FlakyFixture");
    assertThat(flaky).is(passed());
    assertThat(output(flaky)).contains("[retrying-forks] attempt 1 of dev.lanes.examples.retrying.fixtures.FlakyFixture"
        + " failed; running it again in a fresh JVM");
    assertThat(run.exitCode()).isZero();
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aLongFileIsNotTakenForAHungOneWhileItsReportsAreHeldBack() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new RetryingForksPoolProvider()), markers, "**/SlowFixture.class")
        .option("testTimeout", "2s").option("teardownTimeout", "1s").run();

    assertThat(run.file("dev.lanes.examples.retrying.fixtures.SlowFixture")).is(passed());
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aFileWhoseJvmDiesOnceIsRunAgain() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new RetryingForksPoolProvider()), markers,
        "**/CrashOnceFixture.class").run();

    TestModule crashing = run.file("dev.lanes.examples.retrying.fixtures.CrashOnceFixture");
    assertThat(crashing).is(passed());
    assertThat(output(crashing)).contains("its JVM exited with exit code 3");
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aFileThatAlwaysFailsFailsAfterItsRetries() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new RetryingForksPoolProvider()), markers,
        "**/AlwaysFailsFixture.class").option("poolOptions.retrying-forks.retries", 2).run();

    TestModule failing = run.file("dev.lanes.examples.retrying.fixtures.AlwaysFailsFixture");
    assertThat(failing).is(failed());
    assertThat(output(failing)).contains("attempt 2 of").doesNotContain("attempt 3 of");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.orderViolations()).isEmpty();
  }

  private static String output(TestModule file) {
    return file.logs().stream().map(UserConsoleLog::content).collect(Collectors.joining());
  }
}
