package dev.lanes.testkit;

import static dev.lanes.testkit.FileConditions.crashed;
import static dev.lanes.testkit.FileConditions.exitCode;
import static dev.lanes.testkit.FileConditions.failedWith;
import static dev.lanes.testkit.FileConditions.timedOut;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Lanes' core against workers that break the rules: each file still ends, with the reason, and the run ends. */
class FaultyPoolWorkersTest {
  private static final Path CLASSES = TestClasspath.of(FaultyPoolWorkersTest.class);

  private static PoolRun run(PoolTestKit kit) {
    return kit.classpath(TestClasspath.withJupiter(CLASSES)).testClassDirs(CLASSES).include("**/TargetFixture.class")
        .option("teardownTimeout", "1s").run();
  }

  @Test
  void aWorkerThatExitsDuringItsRunFailsItsFileWithTheExitCode() {
    PoolRun run = run(PoolTestKit.provider(FaultyPoolWorkers.provider("exits",
        options -> FaultyPoolWorkers.exitsDuringRun(options, 9))));

    assertThat(run.files()).singleElement().is(failedWith("Worker exited unexpectedly with exit code 9 during started state"
        + " while running test file(s) dev.lanes.testkit.fixtures.TargetFixture"));
    assertThat(run.files()).singleElement().is(crashed(exitCode(9))).isNot(crashed(exitCode(137))).isNot(timedOut());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aWorkerThatNeverStartsFailsItsFileAfterTheStartTimeout() {
    long started = System.nanoTime();

    // the build sets -Ddev.lanes.workerStartTimeout=2000 for these tests (Vitest's 60 s otherwise)
    PoolRun run = run(PoolTestKit.provider(FaultyPoolWorkers.provider("never", FaultyPoolWorkers::neverStarts)));

    assertThat(run.files()).singleElement().is(failedWith("Timeout starting never worker after"));
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aWorkerThatIgnoresStopIsStoppedByForceAndTheRunEnds() {
    PoolRun run = run(PoolTestKit.provider(FaultyPoolWorkers.provider("deaf", FaultyPoolWorkers::ignoresStop)));

    assertThat(run.files()).singleElement().is(failedWith("the file never ran: its pool finished without reporting it"));
    assertThat(run.console()).contains("Timeout terminating worker 1 for test files dev.lanes.testkit.fixtures.TargetFixture"
        + " after 1000ms; stopping it by force.");
    assertThat(run.orderViolations()).isEmpty();
  }
}
