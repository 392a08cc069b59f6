package dev.lanes.examples.console;

import static dev.lanes.testkit.FileConditions.failedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, loaded by path as {@code lanes run --pool target/console-launcher-pool-<version>.jar} does, on the
 * example projects: every test with the outcome, errors and output the threads pool gives it.
 */
class ConsoleLauncherPoolJarIT {
  private static final Path JAR = Path.of(System.getProperty("pool.jar"));
  private static final Path EXAMPLES = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theSampleProjectPassesAsInTheThreadsPool() {
    Path root = EXAMPLES.resolve("sample-project");
    PoolRun run = PoolTestKit.poolJar(JAR, "").configFrom(root).run();
    PoolRun threads = PoolTestKit.pool("threads").configFrom(root).run();

    assertThat(run.exitCode()).isZero();
    assertThat(outcomes(run)).isEqualTo(outcomes(threads)).hasSizeGreaterThan(5);
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void theFailingSampleFailsAsInTheThreadsPoolWithTheSameErrorsAndOutput() {
    Path root = EXAMPLES.resolve("failing-sample");
    PoolRun run = PoolTestKit.poolJar(JAR, "").configFrom(root).run();
    PoolRun threads = PoolTestKit.pool("threads").configFrom(root).run();

    assertThat(run.exitCode()).isEqualTo(threads.exitCode()).isEqualTo(1);
    assertThat(outcomes(run)).isEqualTo(outcomes(threads));
    assertThat(outcomes(run).get("dev.lanes.fixtures.FailingAssertionsTest > Inner > failsInside()")).isEqualTo("FAIL "
        + "org.opentest4j.AssertionFailedError: expected: <expected> but was: <actual>\n"
        + "\tat dev.lanes.fixtures.FailingAssertionsTest$Inner.failsInside(FailingAssertionsTest.java:57)\n");
    assertThat(outcomes(run).get("dev.lanes.fixtures.FailingAssertionsTest > printsThenFails()")).endsWith("output before the failure");
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aClassThatEndsItsJvmFailsWithTheLaunchersExitAndOutput() {
    PoolRun run = PoolTestKit.poolJar(JAR, "").configFrom(EXAMPLES.resolve("fault-fixtures"))
        .filter("SystemExitTest", "PassingFirstTest").run();

    assertThat(run.file("dev.lanes.faults.SystemExitTest")).is(failedWith("the console launcher exited with code"));
    assertThat(run.file("dev.lanes.faults.PassingFirstTest").state()).hasToString("PASS");
    assertThat(run.exitCode()).isEqualTo(1);
  }

  /** Each test by its path ("Class > Nested > test()"): its state, first error with its user's frames, and output. */
  private static Map<String, String> outcomes(PoolRun run) {
    Map<String, String> outcomes = new TreeMap<>();
    for (TestModule file : run.files()) {
      for (TestCase test : file.tests()) {
        String error = test.result().flatMap(r -> r.errors().stream().findFirst())
            .map(e -> " " + e.headline() + "\n" + e.stack().orElse("")).orElse("");
        String output = test.logs().stream().map(UserConsoleLog::content).map(String::strip)
            .collect(Collectors.joining("|"));
        outcomes.put(test.fullName(), test.result().orElseThrow().state() + error + output);
      }
    }
    return outcomes;
  }
}
