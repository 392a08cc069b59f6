package dev.lanes.testkit;

import static dev.lanes.testkit.FileConditions.failedWith;
import static dev.lanes.testkit.FileConditions.stalled;
import static dev.lanes.testkit.FileConditions.testFailedWith;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.report.FileReport;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/** Core watches whole pools: one that stops reporting and never completes does not hang the run. */
class StalledPoolTest {
  private static final Path CLASSES = TestClasspath.of(StalledPoolTest.class);

  /** {@code poolOptions} of the pools below: none. */
  record NoOptions() {
  }

  /** A whole pool that does {@code what} with each file's report and never completes its run. */
  private static PoolProvider neverCompletes(String name, BiConsumer<PoolContext, TestSpecification> what) {
    return new PoolProvider() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public com.google.inject.Module module() {
        return PoolModule.of(NoOptions.class, (context, options) -> new ProcessPool() {
          @Override
          public String name() {
            return name;
          }

          @Override
          public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
            specs.forEach(spec -> what.accept(context, spec));
            return new CompletableFuture<>();
          }

          @Override
          public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
            return new CompletableFuture<>();
          }
        });
      }
    };
  }

  private static PoolRun run(PoolProvider provider) {
    return PoolTestKit.provider(provider).classpath(TestClasspath.withJupiter(CLASSES)).testClassDirs(CLASSES)
        .include("**/TargetFixture.class").option("testTimeout", "500ms").option("teardownTimeout", "500ms").run();
  }

  @Test
  void aPoolThatStopsReportingHasItsFileFailedAndTheRunEnds() {
    long started = System.nanoTime();

    PoolRun run = run(neverCompletes("stalls", (context, spec) -> {
      FileReport report = context.report(spec);
      report.test("passes()").passed();
      report.test("waits()").started();
    }));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    assertThat(run.files()).singleElement().is(stalled())
        .is(failedWith("[stalls] reported nothing for 'dev.lanes.testkit.fixtures.TargetFixture' for "))
        .is(failedWith(" s (testTimeout + teardownTimeout of its project: 1 s) and did not end it; the run goes on"
            + " without it."));
    TestCase waits = run.file("dev.lanes.testkit.fixtures.TargetFixture").tests().get(1);
    assertThat(waits.result().orElseThrow().state()).isEqualTo(TaskState.FAIL);
    assertThat(run.files()).singleElement().is(testFailedWith("Last test started: "));
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aPoolThatNeverReportsAFileHasItFailed() {
    PoolRun run = run(neverCompletes("silent", (context, spec) -> { }));

    assertThat(run.files()).singleElement().is(failedWith("[silent] reported nothing for"));
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aPoolThatEndedEveryFileButNeverCompletesIsLeftWithAWarning() {
    PoolRun run = run(neverCompletes("unfinished", (context, spec) -> {
      FileReport report = context.report(spec);
      report.test("passes()").passed();
      report.finished();
    }));

    assertThat(run.files()).singleElement().satisfies(file -> assertThat(file.state()).isEqualTo(TaskState.PASS));
    assertThat(run.console()).contains("[unfinished] ended every file but its run never completed; going on without it");
    assertThat(run.exitCode()).isZero();
  }
}
