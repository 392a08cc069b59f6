package dev.lanes.spi.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FileReportTest {
  private final RecordingRuntimeRpc rpc = new RecordingRuntimeRpc();
  private final TestSpecification spec = TestSpecification.of(TestProject.builder("p", Path.of("."), "mine")
      .testTimeout(Duration.ofSeconds(5)).teardownTimeout(Duration.ofSeconds(5)).build(), "com.acme.CalculatorTest");
  private final String file = spec.fileId();

  @Test
  void aTreeDeclaredUpFrontIsCollectedOnceAndEndsInTheProtocolsOrder() {
    FileReport report = FileReport.running(rpc, spec);
    SuiteReport nested = report.suite("Nested");
    TestReport adds = report.test("adds()");
    TestReport divides = nested.test("divides()");
    adds.started();
    adds.passed();
    divides.failed(new AssertionError("expected 3"));
    report.finished();

    assertThat(rpc.calls).containsExactly(
        "queued " + file,
        "collected " + file + " [" + file + "_0, " + file + "_0_0, " + file + "_1]",
        "SUITE_PREPARE " + file,
        "TEST_PREPARE " + file + "_1", "TEST_FINISHED " + file + "_1",
        "SUITE_PREPARE " + file + "_0", "TEST_PREPARE " + file + "_0_0", "TEST_FINISHED " + file + "_0_0",
        "SUITE_FINISHED " + file + "_0",
        "SUITE_FINISHED " + file);
    assertThat(rpc.results.get(file + "_1").state()).isEqualTo(TaskState.PASS);
    assertThat(rpc.results.get(file + "_0_0").errors()).singleElement()
        .satisfies(e -> assertThat(e.headline()).isEqualTo("java.lang.AssertionError: expected 3"))
        .satisfies(e -> assertThat(e.stack().orElseThrow()).startsWith("\tat dev.lanes.spi.report.FileReportTest."));
    assertThat(rpc.results.get(file + "_0").state()).isEqualTo(TaskState.FAIL);
    assertThat(rpc.results.get(file).state()).isEqualTo(TaskState.FAIL);
    assertThat(report.whenFinished().toCompletableFuture()).isCompleted();
  }

  @Test
  void testsFoundWhileRunningAreRegisteredUnderTheirSuite() {
    FileReport report = FileReport.running(rpc, spec);
    report.started();
    SuiteReport suite = report.suite("parameterized");
    TestReport first = suite.test("[1] 2", Optional.of("[engine:x]/[case:1]"));
    first.passed(Duration.ofMillis(7));
    report.finished();

    assertThat(rpc.calls).containsExactly(
        "queued " + file, "collected " + file + " []", "SUITE_PREPARE " + file,
        "registered " + file + "_0 in " + file, "registered " + file + "_0_0 in " + file + "_0",
        "SUITE_PREPARE " + file + "_0", "TEST_PREPARE " + file + "_0_0", "TEST_FINISHED " + file + "_0_0",
        "SUITE_FINISHED " + file + "_0", "SUITE_FINISHED " + file);
    assertThat(rpc.results.get(file + "_0_0").durationMillis()).isEqualTo(7);
    assertThat(rpc.results.get(file).state()).isEqualTo(TaskState.PASS);
  }

  @Test
  void finishingEndsWhatThePoolLeftOpenAsTheBuiltInPoolsDo() {
    FileReport report = FileReport.running(rpc, spec);
    TestReport neverStarted = report.test("a()");
    TestReport neverEnded = report.test("b()");
    neverEnded.started();
    report.finished();

    assertThat(rpc.results.get(neverStarted.id())).satisfies(r -> {
      assertThat(r.state()).isEqualTo(TaskState.SKIP);
      assertThat(r.note()).contains("not run: the pool never started it");
    });
    assertThat(rpc.results.get(neverEnded.id()).errors()).extracting(TestError::headline)
        .containsExactly("TestNotFinished: 'b()' started and never ended: the pool reported no result for it");
    assertThat(rpc.results.get(file).state()).isEqualTo(TaskState.FAIL);
    assertThatThrownBy(neverEnded::passed).isInstanceOf(IllegalStateException.class)
        .hasMessage("'b()' already ended (FAIL): cannot report PASS");
    assertThatThrownBy(() -> report.test("c()")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aFileWithOnlySkippedTestsIsSkippedAndAFileErrorFailsIt() {
    FileReport skipped = FileReport.running(rpc, spec);
    skipped.test("a()").skipped("@Disabled");
    skipped.finished();
    assertThat(rpc.results.get(file).state()).isEqualTo(TaskState.SKIP);
    assertThat(rpc.results.get(file + "_0").note()).contains("@Disabled");

    FileReport crashed = FileReport.running(rpc, spec);
    crashed.test("a()").passed();
    crashed.failed(TestError.of("WorkerExit", "the script exited with code 3"));
    crashed.finished();
    assertThat(rpc.results.get(file).state()).isEqualTo(TaskState.FAIL);
    assertThat(rpc.results.get(file).errors()).extracting(TestError::headline)
        .containsExactly("WorkerExit: the script exited with code 3");
  }

  @Test
  void outputIsAttributedToItsTask() {
    FileReport report = FileReport.running(rpc, spec);
    TestReport test = report.test("prints()");
    test.output("hello\n");
    test.errorOutput("oops\n");
    test.passed();
    report.finished();

    assertThat(rpc.logs).extracting(UserConsoleLog::content, UserConsoleLog::type, UserConsoleLog::taskId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hello\n", UserConsoleLog.ConsoleStream.STDOUT, Optional.of(test.id())),
            org.assertj.core.groups.Tuple.tuple("oops\n", UserConsoleLog.ConsoleStream.STDERR, Optional.of(test.id())));
  }

  @Test
  void aCollectingReportSendsTheTreeAndRunsNothing() {
    FileReport report = FileReport.collecting(rpc, spec);
    TestReport test = report.suite("Nested").test("a()");
    assertThatThrownBy(test::passed).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a collecting report runs no test");
    report.finished();
    report.finished();

    assertThat(rpc.calls).containsExactly("queued " + file, "collected " + file + " [" + file + "_0, " + file + "_0_0]");
    assertThat(rpc.results).isEmpty();
  }

  @Test
  void manyThreadsReportingOneFileKeepEveryTestsOrder() throws InterruptedException {
    FileReport report = FileReport.running(rpc, spec);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 200; i++) {
      int n = i;
      threads.execute(() -> {
        TestReport test = report.suite("s" + (n % 5)).test("t" + n);
        test.started();
        test.passed();
      });
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    report.finished();

    for (int i = 0; i < rpc.calls.size(); i++) {
      String call = rpc.calls.get(i);
      if (call.startsWith("TEST_FINISHED ")) {
        assertThat(rpc.calls.subList(0, i)).contains("TEST_PREPARE " + call.substring("TEST_FINISHED ".length()));
      }
    }
    assertThat(rpc.calls).filteredOn(c -> c.startsWith("TEST_FINISHED")).hasSize(200);
    assertThat(rpc.calls.get(rpc.calls.size() - 1)).isEqualTo("SUITE_FINISHED " + file);
    assertThat(rpc.results.get(file).state()).isEqualTo(TaskState.PASS);
  }

  @Test
  void aPoolThatRunsEveryTestReportsOnlyTheOnesTheRunSelects() {
    TestSpecification byName = new TestSpecification(spec.project(), spec.moduleId(), "mine", Optional.of("div"),
        List.of());
    TestSpecification byId = new TestSpecification(spec.project(), spec.moduleId(), "mine", Optional.empty(),
        List.of("[engine:x]/[class:C]/[method:adds()]"));

    FileReport named = FileReport.running(rpc, byName);
    FileReport identified = FileReport.running(rpc, byId);

    assertThat(named.selects("divides()", Optional.empty())).isTrue();
    assertThat(named.selects("adds()", Optional.empty())).isFalse();
    assertThat(named.suite("division").selects("byZero()", Optional.empty())).isTrue();
    assertThat(identified.selects("adds()", Optional.of("[engine:x]/[class:C]/[method:adds()]"))).isTrue();
    assertThat(identified.selects("subtracts()", Optional.of("[engine:x]/[class:C]/[method:subtracts()]"))).isFalse();
    assertThat(identified.selects("scripted", Optional.empty())).isTrue();
  }
}
