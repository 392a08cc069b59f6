package dev.lanes.pool.browser;

import static dev.lanes.testkit.FileConditions.failed;
import static dev.lanes.testkit.FileConditions.failedWith;
import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The browser pool in a real headless Chromium (the default provider), on files that pass, fail, break while
 * loading, crash the page, block it, leave errors behind and time out: each ends with its own result and reason,
 * the others are untouched, and nothing of the browser is left afterwards.
 */
class BrowserPoolIT {
  private static final Path FAULTS = Path.of("src/test/fixtures/faults").toAbsolutePath();
  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));
  private static PoolRun run;

  @BeforeAll
  static void runTheFaults() throws Exception {
    Chromium.assumeInstalled();
    Chromium.Snapshot before = Chromium.snapshot(TMP);
    run = PoolTestKit.pool("browser").configFrom(FAULTS)
        .option("maxWorkers", 2)
        .option("poolOptions.browser.heartbeatTimeout", 3000)
        .run();
    Chromium.assertNothingLeft(TMP, before);
  }

  @Test
  void aPassingFileReportsItsTestsTheirModesAndTheirConsoleOutput() {
    TestModule file = run.file("src/test/js/passing.browser.test.js");
    assertThat(file).as(run.console()).is(passed());
    assertThat(file.tests()).extracting(t -> t.fullName().substring(file.moduleId().length() + " > ".length()),
            t -> t.result().map(r -> r.state()).orElse(null))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sum > adds", TaskState.PASS),
            org.assertj.core.groups.Tuple.tuple("sum > waits for a promise", TaskState.PASS),
            org.assertj.core.groups.Tuple.tuple("sum > is skipped", TaskState.SKIP),
            org.assertj.core.groups.Tuple.tuple("sum > is planned", TaskState.SKIP),
            org.assertj.core.groups.Tuple.tuple("assert is chai's too", TaskState.PASS));
    TestCase adds = file.tests().get(0);
    assertThat(adds.logs()).extracting(UserConsoleLog::content).containsExactly("adding { a: 2, b: 3 }\n");
    assertThat(adds.logs().get(0).type()).isEqualTo(UserConsoleLog.ConsoleStream.STDOUT);
    assertThat(file.tests().get(1).logs()).extracting(UserConsoleLog::type)
        .containsExactly(UserConsoleLog.ConsoleStream.STDERR);
  }

  @Test
  void aFailingAssertionShowsExpectedActualAndTheTestFilesLine() {
    TestModule file = run.file("src/test/js/failing.browser.test.js");
    assertThat(file).is(failed());
    TestCase failing = file.tests().get(0);
    TestError error = failing.result().orElseThrow().errors().get(0);
    assertThat(error.name()).isEqualTo("AssertionError");
    assertThat(error.message()).isEqualTo("expected 4 to equal 3");
    assertThat(error.expected()).contains("3");
    assertThat(error.actual()).contains("4");
    assertThat(error.stack().orElseThrow().lines().findFirst().orElseThrow())
        .matches("\\s+at src/test/js/failing\\.browser\\.test\\.js:5:\\d+");
    assertThat(file.tests().get(1).result().orElseThrow().state()).isEqualTo(TaskState.PASS);
  }

  @Test
  void anErrorThrownOutsideTestsFailsTheFile() {
    TestModule file = run.file("src/test/js/throws-outside.browser.test.js");
    assertThat(file).is(failedWith("the file broke while it was loaded"));
    assertThat(file.errors().get(0).name()).isEqualTo("TypeError");
    assertThat(file.errors().get(0).stack().orElseThrow()).contains("src/test/js/throws-outside.browser.test.js:5:");
    assertThat(file.tests()).isEmpty();
  }

  @Test
  void aPageThatCrashesFailsItsFileOnly() {
    assertThat(run.file("src/test/js/crash.browser.test.js")).is(failedWith("the page closed its connection"));
    assertThat(run.file("src/test/js/failing.browser.test.js").tests().get(1).result().orElseThrow().state())
        .isEqualTo(TaskState.PASS);
  }

  @Test
  void aPageThatStopsAnsweringFailsItsFileWithTheReason() {
    assertThat(run.file("src/test/js/hangs.browser.test.js"))
        .is(failedWith("the page stopped answering: nothing for"));
  }

  @Test
  void uncaughtErrorsAndUnhandledRejectionsFailTheFile() {
    TestModule file = run.file("src/test/js/unhandled.browser.test.js");
    assertThat(file).is(failed());
    assertThat(file.tests().get(0).result().orElseThrow().state()).isEqualTo(TaskState.PASS);
    assertThat(file.errors()).extracting(TestError::message).containsExactlyInAnyOrder(
        "Unhandled Rejection: nobody handles this", "thrown by a timer after the test");
  }

  @Test
  void aTestPastItsTimeOutFailsAndTheNextOneRuns() {
    TestModule file = run.file("src/test/js/slow.browser.test.js");
    assertThat(file.tests().get(0).result().orElseThrow().errors().get(0).message())
        .isEqualTo("Test timed out in 300ms.");
    assertThat(file.tests().get(1).result().orElseThrow().state()).isEqualTo(TaskState.PASS);
  }

  @Test
  void theRunEndsWithExitCode1AndEveryFileHasAResult() {
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.files()).hasSize(7).allMatch(f -> f.state().isFinal());
    assertThat(run.orderViolations()).isEmpty();
    assertThat(run.files()).filteredOn(passed()::matches).extracting(TestModule::moduleId)
        .containsExactly("src/test/js/passing.browser.test.js");
    assertThat(run.unhandledErrors()).isEmpty();
  }
}
