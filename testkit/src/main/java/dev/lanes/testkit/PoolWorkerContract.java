package dev.lanes.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.WorkerResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link PoolWorker} must do, as tests: extend this class in your pool's tests and say how to
 * make a worker. The tests speak the worker protocol by hand (no core in between) and run test classes
 * the contract compiles itself.
 *
 * <pre>{@code
 * class MyWorkerContractTest extends PoolWorkerContract {
 *   protected PoolWorker createWorker(WorkerOptions options) {
 *     return new MyWorker(options);
 *   }
 * }
 * }</pre>
 */
public abstract class PoolWorkerContract {
  /** How long the contract waits for a worker to start, answer, or stop by force. */
  protected static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir
  Path root;

  private List<Path> classpath;
  private final List<PoolWorker> created = new java.util.ArrayList<>();

  /** A new, unstarted worker of your pool for {@code options}. */
  protected abstract PoolWorker createWorker(WorkerOptions options);

  /** The pool's name, as in {@code WorkerOptions.pool()}. */
  protected String poolName() {
    return "contract";
  }

  /**
   * Whether the worker runs every file in a fresh world of its own (its factory's
   * {@code WorkerFactory.isolatesEachFile()}, as the vm pools'): then it is reused even when isolated.
   */
  protected boolean isolatesEachFile() {
    return false;
  }

  @BeforeEach
  void compileFixtures() {
    classpath = ContractFixtures.compile(root.resolve("classes"));
  }

  @AfterEach
  void stopEveryWorker() throws Exception {
    for (PoolWorker worker : created) {
      worker.stop().toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void startAndStopAreIdempotentAndStopWorksBeforeStart() throws Exception {
    PoolWorker unstarted = worker(false);
    await(unstarted.stop(), "stop before start");

    PoolWorker worker = worker(false);
    await(worker.start(), "start");
    await(worker.stop(), "stop");
    await(worker.stop(), "a second stop");
  }

  @Test
  void runsAFileThroughTheProtocolAndStopsWhenAsked() throws Exception {
    PoolWorker worker = worker(false);
    await(worker.start(), "start");
    ProtocolSession session = new ProtocolSession(worker);
    try {
      assertStarted(session.start(PATIENCE));

      ProtocolSession.Outcome finished = session.run(ContractFixtures.PASSING, PATIENCE);

      assertThat(ProtocolSession.isFinished(finished)).as("testfileFinished, got " + finished).isTrue();
      assertThat(((WorkerResponse.TestFileFinished) finished.response().orElseThrow()).error()).isEmpty();
      assertThat(session.events()).as("the file's reports, in order")
          .containsSubsequence("onQueued", "onCollected", "onTaskUpdate")
          .contains("onUserConsoleLog");
      assertThat(session.stop(PATIENCE).response()).as("stopped").get().isInstanceOf(WorkerResponse.Stopped.class);
    } finally {
      session.close();
    }
    await(worker.stop(), "stop after the stop request");
  }

  @Test
  void aForcedStopEndsABusyWorkerWithinItsTimeout() throws Exception {
    PoolWorker worker = worker(false);
    await(worker.start(), "start");
    ProtocolSession session = new ProtocolSession(worker);
    try {
      assertStarted(session.start(PATIENCE));
      session.sendRun(ContractFixtures.SLEEPING);
      assertThat(session.awaitEvent("onTaskUpdate", PATIENCE)).as("the sleeping test started").isTrue();

      long started = System.nanoTime();
      await(worker.stop(), "a stop while a test ignores interrupts");

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PATIENCE);
    } finally {
      session.close();
    }
  }

  @Test
  void aTestThatEndsTheProcessIsReportedNotHung() throws Exception {
    PoolWorker worker = worker(false);
    await(worker.start(), "start");
    ProtocolSession session = new ProtocolSession(worker);
    try {
      assertStarted(session.start(PATIENCE));

      ProtocolSession.Outcome outcome = session.run(ContractFixtures.EXITING, PATIENCE);

      assertThat(outcome.exit().isPresent() || ProtocolSession.isFinished(outcome))
          .as("an exit, or the file finished (an in-process worker contains the exit); got " + outcome).isTrue();
    } finally {
      session.close();
    }
  }

  @Test
  void aWorkerThatAgreesToBeReusedRunsTheNextFileToo() throws Exception {
    PoolWorker worker = worker(false);
    TestSpecification next = TestSpecification.of(project(false), ContractFixtures.PASSING_AGAIN);
    await(worker.start(), "start");
    ProtocolSession session = new ProtocolSession(worker);
    try {
      assertStarted(session.start(PATIENCE));
      assertThat(ProtocolSession.isFinished(session.run(ContractFixtures.PASSING, PATIENCE))).isTrue();
      if (worker.canReuse(next)) {
        assertThat(ProtocolSession.isFinished(session.run(ContractFixtures.PASSING_AGAIN, PATIENCE)))
            .as("the second file on a reused worker").isTrue();
      }
    } finally {
      session.close();
    }
  }

  @Test
  void anIsolatedWorkerIsReusedOnlyIfItIsolatesEachFileItself() {
    PoolWorker worker = worker(true);

    assertThat(worker.canReuse(TestSpecification.of(project(true), ContractFixtures.PASSING_AGAIN)))
        .isEqualTo(isolatesEachFile());
  }

  private PoolWorker worker(boolean isolate) {
    PoolWorker worker = createWorker(new WorkerOptions(poolName(), project(isolate), isolate, 1));
    created.add(worker);
    return worker;
  }

  /** The project the contract's workers run: its fixtures and the JUnit jars, no time-outs. */
  protected TestProject project(boolean isolate) {
    return TestProject.builder("", root, poolName()).classpath(classpath).isolate(isolate)
        .teardownTimeout(Duration.ofSeconds(10)).build();
  }

  private static void assertStarted(ProtocolSession.Outcome outcome) {
    assertThat(outcome.response()).as("a started response, got " + outcome).get()
        .isInstanceOf(WorkerResponse.Started.class)
        .satisfies(started -> assertThat(((WorkerResponse.Started) started).error()).as("its error").isEmpty());
  }

  private static void await(CompletionStage<Void> stage, String what) throws Exception {
    try {
      stage.toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError(what + " did not complete within " + PATIENCE.toSeconds() + "s", e);
    }
  }
}
