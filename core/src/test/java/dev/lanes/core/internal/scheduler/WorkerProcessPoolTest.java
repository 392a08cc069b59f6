package dev.lanes.core.internal.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.protocol.TaskState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkerProcessPoolTest {
  private final List<ScriptedWorker> workers = new CopyOnWriteArrayList<>();
  private final List<String> log = new CopyOnWriteArrayList<>();
  private final PoolLogger logger = new PoolLogger() {
    @Override
    public void info(String message) {
      log.add(message);
    }

    @Override
    public void warn(String message) {
      log.add(message);
    }

    @Override
    public void error(String message, Throwable cause) {
      log.add(message);
    }
  };

  private static TestProject project(boolean isolate, int maxWorkers) {
    return project(isolate, maxWorkers, Long.MAX_VALUE);
  }

  private static TestProject project(boolean isolate, int maxWorkers, long vmMemoryLimit) {
    return TestProject.builder("unit", Path.of("."), "scripted").isolate(isolate).maxWorkers(maxWorkers)
        .teardownTimeout(Duration.ofSeconds(5)).vmMemoryLimit(vmMemoryLimit).build();
  }

  private static List<TestSpecification> files(TestProject project, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> TestSpecification.of(project, "com.acme.File" + i + "Test")).toList();
  }

  private Map<String, TestModule> run(List<TestSpecification> specs, Function<Integer, ScriptedWorker.Fault> faultOfWorker)
      throws Exception {
    return runOn(specs, options -> {
      ScriptedWorker worker = new ScriptedWorker(options, faultOfWorker.apply(workers.size() + 1));
      workers.add(worker);
      return worker;
    });
  }

  /** Workers as a vm pool's: each file apart, reporting {@code memoryPerFile} more memory after every file. */
  private Map<String, TestModule> runApart(List<TestSpecification> specs, long memoryPerFile) throws Exception {
    return runOn(specs, WorkerFactory.isolatingEachFile(options -> {
      ScriptedWorker worker = new ScriptedWorker(options, ScriptedWorker.Fault.NONE, true, memoryPerFile);
      workers.add(worker);
      return worker;
    }));
  }

  private Map<String, TestModule> runOn(List<TestSpecification> specs, WorkerFactory factory) throws Exception {
    TestRun run = new TestRun(List.of());
    WorkerProcessPool pool = new WorkerProcessPool("scripted", factory, run, logger);
    run.start(specs);
    pool.runTests(specs, List.of()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    pool.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    run.end();
    return run.modules().stream().collect(Collectors.toMap(TestModule::moduleId, m -> m));
  }

  @Test
  void isolatedFilesEachGetAFreshWorker() throws Exception {
    Map<String, TestModule> modules = run(files(project(true, 2), 3), n -> ScriptedWorker.Fault.NONE);

    assertThat(modules.values()).allSatisfy(m -> assertThat(m.state()).isEqualTo(TaskState.PASS));
    assertThat(workers).hasSize(3).allSatisfy(w -> assertThat(w.runRequests).hasSize(1));
    assertThat(workers).allSatisfy(w -> assertThat(w.stopped).isTrue());
    assertThat(workers).extracting(w -> w.options.poolId()).allSatisfy(id -> assertThat(id).isBetween(1, 2));
  }

  @Test
  void aSingleNonIsolatedWorkerGetsAllFilesInOneRequest() throws Exception {
    run(files(project(false, 1), 3), n -> ScriptedWorker.Fault.NONE);

    assertThat(workers).singleElement().satisfies(w -> assertThat(w.runRequests)
        .containsExactly(List.of("com.acme.File1Test", "com.acme.File2Test", "com.acme.File3Test")));
  }

  @Test
  void nonIsolatedWorkersAreReusedAcrossFiles() throws Exception {
    Map<String, TestModule> modules = run(files(project(false, 2), 6), n -> ScriptedWorker.Fault.NONE);

    assertThat(modules).hasSize(6);
    assertThat(workers.size()).isLessThanOrEqualTo(2);
    assertThat(workers.stream().mapToInt(w -> w.runRequests.size()).sum()).isEqualTo(6);
  }

  @Test
  void workersThatIsolateEachFileThemselvesAreReusedEvenWhenIsolateIsTrue() throws Exception {
    Map<String, TestModule> modules = runApart(files(project(true, 1, Long.MAX_VALUE), 6), 1);

    assertThat(modules.values()).allSatisfy(m -> assertThat(m.state()).isEqualTo(TaskState.PASS));
    assertThat(workers).singleElement().satisfies(w -> assertThat(w.runRequests).hasSize(6));
    assertThat(log).noneMatch(line -> line.contains("recycled"));
  }

  @Test
  void workersThatIsolateEachFileGetOneFileARequestEvenAsASingleNonIsolatedWorker() throws Exception {
    runApart(files(project(false, 1, Long.MAX_VALUE), 3), 1);

    assertThat(workers).singleElement().satisfies(w -> assertThat(w.runRequests).containsExactly(
        List.of("com.acme.File1Test"), List.of("com.acme.File2Test"), List.of("com.acme.File3Test")));
  }

  @Test
  void aWorkerWhoseMemoryPassesTheLimitAfterAFileIsRetiredAndReplacedAndTheRunSaysHowOften() throws Exception {
    long perFile = 100L << 20;
    Map<String, TestModule> modules = runApart(files(project(true, 1, perFile * 5 / 2), 7), perFile);

    assertThat(modules.values()).allSatisfy(m -> assertThat(m.state()).isEqualTo(TaskState.PASS));
    assertThat(workers).extracting(w -> w.runRequests.size()).containsExactly(3, 3, 1);
    assertThat(workers).allSatisfy(w -> assertThat(w.stopped).isTrue());
    assertThat(log).containsExactly("[scripted] 2 workers were recycled: the heap and Metaspace in use after a file"
        + " passed vmMemoryLimit (highest report 300 MiB)");
  }

  @Test
  void memoryReportsOfOtherWorkersRetireNothing() throws Exception {
    run(files(project(false, 1, 1), 3), n -> ScriptedWorker.Fault.NONE);

    assertThat(workers).hasSize(1);
    assertThat(log).isEmpty();
  }

  @Test
  void aWorkerThatDiesFailsOnlyItsOwnFileWithTheReason() throws Exception {
    Map<String, TestModule> modules = run(files(project(true, 1), 3),
        n -> n == 2 ? ScriptedWorker.Fault.EXITS_DURING_RUN : ScriptedWorker.Fault.NONE);

    assertThat(modules.get("com.acme.File1Test").state()).isEqualTo(TaskState.PASS);
    assertThat(modules.get("com.acme.File3Test").state()).isEqualTo(TaskState.PASS);
    TestModule crashed = modules.get("com.acme.File2Test");
    assertThat(crashed.state()).isEqualTo(TaskState.FAIL);
    assertThat(crashed.errors()).singleElement().satisfies(e -> assertThat(e.message())
        .isEqualTo("[scripted] Worker exited unexpectedly with exit code 137 (killed) during started state"
            + " while running test file(s) com.acme.File2Test"));
  }

  @Test
  void aReporterTellsACrashFromAFailureByTheOutcomeType() throws Exception {
    Map<String, String> seen = new java.util.concurrent.ConcurrentHashMap<>();
    Reporter thirdParty = new Reporter() {
      @Override
      public void onTestModuleEnd(TestModule module) {
        FileOutcome outcome = module.outcome();
        seen.put(module.moduleId(), switch (outcome.kind()) {
          case CRASHED -> "crashed " + ((FileOutcome.Crashed) outcome).exitCode().getAsInt() + " by signal "
              + ((FileOutcome.Crashed) outcome).signal().getAsInt();
          case ABORTED -> "aborted: " + ((FileOutcome.Aborted) outcome).reason();
          case PASSED, FAILED, SKIPPED, TIMED_OUT, STALLED, CANCELLED, NOT_RUN -> outcome.kind().name();
        });
      }
    };
    TestRun run = new TestRun(List.of(thirdParty));
    WorkerProcessPool pool = new WorkerProcessPool("scripted", options -> {
      int n = workers.size() + 1;
      ScriptedWorker worker = new ScriptedWorker(options, n == 1 ? ScriptedWorker.Fault.FAILS_A_TEST
          : n == 2 ? ScriptedWorker.Fault.EXITS_DURING_RUN : n == 3 ? ScriptedWorker.Fault.CANNOT_START
          : ScriptedWorker.Fault.NONE);
      workers.add(worker);
      return worker;
    }, run, logger);
    List<TestSpecification> specs = files(project(true, 1), 4);
    run.start(specs);
    pool.runTests(specs, List.of()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    pool.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    run.end();

    assertThat(seen).containsEntry("com.acme.File1Test", "FAILED")
        .containsEntry("com.acme.File2Test", "crashed 137 by signal 9")
        .containsEntry("com.acme.File4Test", "PASSED");
    assertThat(seen.get("com.acme.File3Test")).startsWith("aborted: ").contains("Could not create the Java Virtual");
    assertThat(run.modules()).filteredOn(m -> m.moduleId().equals("com.acme.File2Test")).singleElement()
        .satisfies(m -> assertThat(m.errors().get(0).message()).as("the message a person reads stays")
            .startsWith("[scripted] Worker exited unexpectedly with exit code 137 (killed)"));
  }

  @Test
  void aWorkerThatCannotStartFailsFastWithItsOwnMessage() throws Exception {
    long start = System.nanoTime();
    Map<String, TestModule> modules = run(files(project(true, 1), 2),
        n -> n == 1 ? ScriptedWorker.Fault.CANNOT_START : ScriptedWorker.Fault.NONE);

    assertThat(modules.get("com.acme.File1Test").errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("Could not create the Java Virtual Machine"));
    assertThat(modules.get("com.acme.File2Test").state()).isEqualTo(TaskState.PASS);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PoolRunner.START_TIMEOUT);
  }

  @Test
  void aStartedReplyWithAnErrorFailsTheFile() throws Exception {
    Map<String, TestModule> modules = run(files(project(true, 1), 1), n -> ScriptedWorker.Fault.STARTED_WITH_ERROR);

    assertThat(modules.get("com.acme.File1Test").errors()).singleElement()
        .satisfies(e -> assertThat(e.message()).contains("NoClassDefFoundError: org/junit/platform/launcher/Launcher"));
  }

  @Test
  void inWatchModeAWorkerThatIsolatesEachFileWaitsForTheNextRunAndOthersStop() throws Exception {
    TestRun run = new TestRun(List.of());
    run.watching(true);
    List<ScriptedWorker> apart = new ArrayList<>();
    WorkerProcessPool vm = new WorkerProcessPool("scripted", WorkerFactory.isolatingEachFile(options -> {
      ScriptedWorker worker = new ScriptedWorker(options, ScriptedWorker.Fault.NONE, true, 1);
      apart.add(worker);
      return worker;
    }), run, logger);
    WorkerProcessPool plain = new WorkerProcessPool("plain", options -> {
      ScriptedWorker worker = new ScriptedWorker(options, ScriptedWorker.Fault.NONE);
      workers.add(worker);
      return worker;
    }, run, logger);
    List<TestSpecification> vmFiles = files(project(true, 1, Long.MAX_VALUE), 2);
    List<TestSpecification> plainFiles = files(project(false, 1), 2);

    for (int rerun = 1; rerun <= 2; rerun++) {
      run.start(vmFiles);
      vm.runTests(vmFiles, List.of()).toCompletableFuture().get(10, TimeUnit.SECONDS);
      plain.runTests(plainFiles, List.of()).toCompletableFuture().get(10, TimeUnit.SECONDS);
      run.end();
      assertThat(run.modules()).hasSize(2).allSatisfy(m -> assertThat(m.state()).isEqualTo(TaskState.PASS));
    }

    assertThat(apart).singleElement().satisfies(w -> {
      assertThat(w.runRequests).hasSize(4);
      assertThat(w.stopped).isFalse();
    });
    assertThat(workers).as("a worker with one loader for all files is not kept: a new one each run").hasSize(2);
    vm.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    plain.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(apart.get(0).stopped).isTrue();
    assertThat(workers).allSatisfy(w -> assertThat(w.stopped).isTrue());
  }

  @Test
  void aRunAfterARunThatBailedOutIsRunAgain() throws Exception {
    TestRun run = new TestRun(List.of());
    run.watching(true);
    WorkerProcessPool pool = new WorkerProcessPool("scripted", options -> {
      ScriptedWorker worker = new ScriptedWorker(options, ScriptedWorker.Fault.NONE);
      workers.add(worker);
      return worker;
    }, run, logger);
    java.util.concurrent.CountDownLatch heard = new java.util.concurrent.CountDownLatch(1);
    run.onCancel(reason -> heard.countDown()); // heard after the pool's own listener, on the same thread
    List<TestSpecification> specs = files(project(true, 1), 2);
    run.start(specs);
    run.stop(); // q in watch mode: what is queued is dropped
    assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
    pool.runTests(specs, List.of()).toCompletableFuture().get(10, TimeUnit.SECONDS);
    assertThat(run.end()).isEqualTo(Reporter.RunEndReason.INTERRUPTED);

    run.start(specs);
    pool.runTests(specs, List.of()).toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThat(run.end()).isEqualTo(Reporter.RunEndReason.PASSED);
    assertThat(run.modules()).hasSize(2).allSatisfy(m -> assertThat(m.state()).isEqualTo(TaskState.PASS));
    pool.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
