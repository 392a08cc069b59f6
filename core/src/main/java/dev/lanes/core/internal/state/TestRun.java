package dev.lanes.core.internal.state;

import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.Reporter.RunEndReason;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The state of one run and the order of its reporter events. Workers report into it from any
 * thread; every method holds the run's lock, so reporters are called one at a time and in
 * Vitest's order. Missing events are filled in (a module that crashed still ends), never repeated.
 */
public final class TestRun {
  private static final String NOT_RUN = "not run: ";
  /** The note of a file an interrupted run never finished. */
  public static final String NOT_RUN_INTERRUPTED = NOT_RUN + "the run was interrupted";
  /** The start of the note of a file a run that bailed out never started. */
  public static final String NOT_RUN_BAIL = NOT_RUN + "bail";

  private final Reporters reporters;
  private final Map<String, ModuleState> modules = new LinkedHashMap<>();
  private final java.util.Set<String> scheduled = new java.util.HashSet<>();
  private final Map<String, TaskNode> tasks = new HashMap<>();
  private final List<TestError> unhandledErrors = new ArrayList<>();
  private final List<TestError> reportErrors = new ArrayList<>();
  private final EventOrder order;
  private final Cancellation cancellation = new Cancellation();
  private boolean interrupted;
  private boolean ended;
  private volatile boolean watching;

  public TestRun(List<Reporter> reporters) {
    this.reporters = new Reporters(reporters, this::unhandled);
    this.order = new EventOrder(this.reporters, () -> cancellation.testFailed(failedTests()));
  }

  /** After {@code failedTests} failed tests the run stops handing out files ({@code bail}; 0 never). */
  public synchronized void bail(int failedTests) {
    cancellation.bail(failedTests);
  }

  /** A watch session: the run starts again on every change, and pools may keep idle workers between runs. */
  public void watching(boolean watch) {
    watching = watch;
  }

  /** Whether this run is a watch session's, which starts again on every change. */
  public boolean watching() {
    return watching;
  }

  /** {@code listener} hears when the run stops handing out files (bail), with the reason; pools stop queuing. */
  public void onCancel(Consumer<String> listener) {
    cancellation.listen(listener);
  }

  /** Whether the run stopped handing out files: files not started yet are skipped. */
  public synchronized boolean cancelled() {
    return cancellation.cancelled();
  }

  /**
   * Registers the files of the run and tells the reporters the run started. A run that ended may start again
   * (a watch rerun): its files, errors, interrupt and cancel are then forgotten, while the pools and the workers
   * that report into it stay.
   */
  public synchronized void start(List<TestSpecification> specifications) {
    if (ended) {
      modules.clear();
      tasks.clear();
      unhandledErrors.clear();
      interrupted = false;
      cancellation.reset();
      ended = false;
    }
    for (TestSpecification spec : specifications) {
      modules.putIfAbsent(spec.fileId(), ModuleState.of(spec));
    }
    reporters.each(r -> r.onTestRunStart(specifications));
  }

  /** The methods a worker of {@code project} calls; with {@code collect} only the state is updated. */
  public RuntimeRpc methods(TestProject project, boolean collect, int poolId) {
    return new RunMethods(this, project, collect, poolId);
  }

  synchronized void queued(TestProject project, Task file, boolean collect, int poolId) {
    if (ended) {
      return; // an interrupted run ended early; late reports change nothing
    }
    ModuleState module = module(project, file);
    module.lastEvent = System.nanoTime();
    module.poolId = poolId;
    if (module.startTime == 0) {
      module.startTime = System.currentTimeMillis();
    }
    if (!module.queued) {
      module.queued = true;
      if (!collect) {
        reporters.each(r -> r.onTestModuleQueued(module));
      }
    }
  }

  synchronized void collected(TestProject project, List<Task> files, boolean collect) {
    if (ended) {
      return; // an interrupted run ended early; late reports change nothing
    }
    for (Task file : files) {
      ModuleState module = module(project, file);
      module.lastEvent = System.nanoTime();
      module.collect(file, tasks);
      if (!collect) {
        order.queued(module);
        module.collected = true;
        reporters.each(r -> r.onTestModuleCollected(module));
      }
      module.collected = true;
    }
  }

  synchronized void registered(String parentId, Task task) {
    if (ended) {
      return; // an interrupted run ended early; late reports change nothing
    }
    TaskNode parent = tasks.get(parentId);
    ModuleState module = parent != null ? (ModuleState) parent.module() : modules.get(parentId);
    if (module == null) {
      unhandled(TestError.of("IllegalStateException", "a worker registered task '" + task.id()
          + "' under unknown parent '" + parentId + "'. This is a bug in the pool."));
      return;
    }
    module.lastEvent = System.nanoTime();
    if (parent == null) {
      module.roots.add(module.add(task, null, tasks));
    } else {
      parent.children.add(module.add(task, parent, tasks));
    }
  }

  synchronized void updated(List<TaskResultPack> packs, List<TaskEventPack> events, boolean collect) {
    if (ended) {
      return; // an interrupted run ended early; late reports change nothing
    }
    for (TaskResultPack pack : packs) {
      touch(pack.taskId());
      TaskNode node = tasks.get(pack.taskId());
      if (node != null) {
        node.result = pack.result();
      } else if (modules.containsKey(pack.taskId())) {
        modules.get(pack.taskId()).result = pack.result();
      }
    }
    if (collect) {
      return;
    }
    for (TaskEventPack event : events) {
      ModuleState module = modules.get(event.taskId());
      TaskNode node = tasks.get(event.taskId());
      switch (event.event()) {
        case SUITE_PREPARE -> {
          if (module != null) {
            order.started(module);
          }
        }
        case SUITE_FINISHED -> {
          if (module != null) {
            order.end(module);
          }
        }
        case TEST_PREPARE -> {
          if (node != null) {
            order.ready(node);
          }
        }
        case TEST_FINISHED -> {
          if (node != null) {
            order.finish(node);
          }
        }
      }
    }
  }

  synchronized void log(UserConsoleLog log) {
    if (ended) {
      return; // an interrupted run ended early; late reports change nothing
    }
    log.taskId().ifPresent(this::touch);
    Optional<TaskNode> node = log.taskId().map(tasks::get);
    if (node.isPresent()) {
      node.get().logs.add(log);
    } else {
      log.taskId().map(modules::get).ifPresent(module -> module.logs.add(log));
    }
    reporters.each(r -> r.onUserConsoleLog(log, node.map(TestCase.class::cast)));
  }

  /** An error that belongs to no test; it fails the run. */
  public synchronized void unhandled(TestError error) {
    unhandledErrors.add(error);
  }

  synchronized int failedTests() {
    return (int) tasks.values().stream()
        .filter(n -> n.type() == TaskType.TEST && n.result != null && n.result.state() == TaskState.FAIL).count();
  }

  /**
   * Ends these files with {@code error} unless they already ended: a crash, a hang, a pool that threw, a cancel.
   * {@code outcome} says which, for reporters that decide by it; a file of an interrupted run ends not run, and one
   * a bail kept from starting ends cancelled, whatever broke under it.
   */
  public synchronized void failFiles(List<TestSpecification> specs, TestError error, FileOutcome outcome) {
    if (ended) {
      return; // an interrupted run ended early; late reports change nothing
    }
    for (TestSpecification spec : specs) {
      ModuleState module = modules.computeIfAbsent(spec.fileId(), id -> ModuleState.of(spec));
      if (!module.ended && interrupted) {
        notRun(module); // its worker was stopped by the interrupt
      } else if (!module.ended && cancellation.cancelled() && !module.started) {
        module.result = TaskResult.skipped(cancellation.reason());
        module.outcome = FileOutcome.cancelled(cancellation.reason().substring(NOT_RUN.length()));
        order.end(module);
      } else if (!module.ended) {
        // the test that was running when the file broke fails with the reason; the others were not run
        Optional<TaskNode> running = module.testNodes().stream().filter(t -> t.ready && !t.finished)
            .reduce((first, last) -> last);
        TestError reported = running.map(test -> new TestError(error.name(),
            withLastTest(error.message(), test.fullName()), error.stack(), error.expected(),
            error.actual(), error.cause())).orElse(error);
        running.ifPresent(test -> test.result = TaskResult.failed(0, List.of(reported)));
        module.result = TaskResult.failed(module.durationMillis, List.of(reported));
        module.outcome = outcome;
        order.end(module);
      }
    }
  }

  private void notRun(ModuleState module) {
    module.result = TaskResult.skipped(NOT_RUN_INTERRUPTED);
    module.outcome = FileOutcome.notRun(NOT_RUN_INTERRUPTED.substring(NOT_RUN.length()));
    order.end(module);
  }

  /** {@code pool} (as selected: a name or a jar's path) runs its files through the scheduler, whose runners watch them. */
  public synchronized void scheduledBy(String pool) {
    scheduled.add(pool);
  }

  /** Whether {@code pool} runs its files through the scheduler ({@link #scheduledBy}). */
  public synchronized boolean isScheduled(String pool) {
    return scheduled.contains(pool);
  }

  /** Of {@code specs}, those whose file has not ended. */
  public synchronized List<TestSpecification> unfinished(List<TestSpecification> specs) {
    return specs.stream().filter(spec -> {
      ModuleState module = modules.get(spec.fileId());
      return module == null || !module.ended;
    }).toList();
  }

  /** The last time ({@link System#nanoTime}) a pool reported on one of {@code specs}' files; {@code since} if later. */
  public synchronized long lastReport(List<TestSpecification> specs, long since) {
    long last = since;
    for (TestSpecification spec : specs) {
      ModuleState module = modules.get(spec.fileId());
      if (module != null && module.lastEvent != 0 && module.lastEvent - last > 0) {
        last = module.lastEvent;
      }
    }
    return last;
  }

  private void touch(String taskId) {
    ModuleState module = modules.get(taskId);
    TaskNode node = module == null ? tasks.get(taskId) : null;
    if (node != null) {
      module = (ModuleState) node.module();
    }
    if (module != null) {
      module.lastEvent = System.nanoTime();
    }
  }

  /** The message's first line, then which test was running, then the rest (a thread dump, say). */
  private static String withLastTest(String message, String test) {
    int newline = message.indexOf('\n');
    String line = "Last test started: " + test;
    return newline < 0 ? message + "\n" + line : message.substring(0, newline) + "\n" + line + message.substring(newline);
  }

  /**
   * Stops the run as interrupted without ending it here ({@code q} in watch mode): the pools hand out no more
   * files and their workers stop after the running test; files not started are then reported skipped.
   */
  public synchronized void stop() {
    interrupted = true;
    if (!cancellation.cancelled()) {
      cancellation.cancel(NOT_RUN_INTERRUPTED);
    }
  }

  /**
   * The JVM is ending while files run, and no signal ended it: a test ended it (a {@code System.exit} the in-process
   * pools could not catch). Every file that was running fails with that reason, the others are not run, and an error
   * of the run's says so: the run then ends as failed, never passed.
   */
  public synchronized void jvmEnded() {
    List<String> running = new ArrayList<>();
    for (ModuleState module : modules.values()) {
      if (module.started && !module.ended) {
        running.add(module.moduleId());
        module.result = TaskResult.failed(0, List.of(TestError.of("JvmEnded", "the JVM was ended (System.exit or "
            + "Runtime.exit, called by reflection, a method handle or code Lanes did not load) while this file ran; "
            + "a test in an in-process pool may not end the JVM (use the forks pool to test exits)")));
        module.outcome = FileOutcome.aborted("the JVM was ended while this file ran");
        order.end(module);
      }
    }
    for (ModuleState module : modules.values()) {
      if (!module.ended) {
        notRun(module);
      }
    }
    unhandled(TestError.of("JvmEnded", "a test ended the JVM while " + (running.isEmpty() ? "the run went on"
        : String.join(", ", running) + " ran") + "; the run fails"));
  }

  /** The run was interrupted (a cancel, Ctrl-C): it ends as interrupted. */
  public synchronized void interrupt() {
    interrupted = true;
  }

  /**
   * The JVM is ending on a signal (Ctrl-C, a CI cancel): the run is interrupted and, before this returns, the pools
   * hand out no more files — no worker starts for a file after the signal — while the shutdown hooks end the workers.
   */
  public void interruptNow() {
    String reason;
    synchronized (this) {
      interrupted = true;
      reason = cancellation.cancelUnlessCancelled(NOT_RUN_INTERRUPTED);
    }
    if (reason != null) {
      cancellation.tell(reason);
    }
  }

  /**
   * Ends every file that has not ended (never silently missing) and tells the reporters the run ended,
   * once. Files an interrupted run never finished are skipped with that reason.
   */
  public synchronized RunEndReason end() {
    if (ended) {
      return reason();
    }
    ended = true;
    for (ModuleState module : modules.values()) {
      if (!module.ended && interrupted) {
        notRun(module);
      } else if (!module.ended) {
        String bug = "the file never ran: its pool finished without reporting it. This is a bug in the pool.";
        module.result = TaskResult.failed(0, List.of(TestError.of("IllegalStateException", bug)));
        module.outcome = FileOutcome.aborted(bug);
        order.end(module);
      }
    }
    RunEndReason reason = reason();
    List<TestModule> all = List.copyOf(modules.values());
    List<TestError> errors = List.copyOf(unhandledErrors);
    reporters.each(r -> r.onTestRunEnd(all, errors, reason));
    reportErrors.addAll(unhandledErrors.subList(errors.size(), unhandledErrors.size()));
    return reason;
  }

  /**
   * What reporters failed to do when the run ended — a report that could not be written — which no reporter printed,
   * having ended: the caller says so and fails the run.
   */
  public synchronized List<TestError> reportErrors() {
    return List.copyOf(reportErrors);
  }

  private RunEndReason reason() {
    return interrupted ? RunEndReason.INTERRUPTED
        : !unhandledErrors.isEmpty() || modules.values().stream().anyMatch(m -> m.state() == TaskState.FAIL)
        ? RunEndReason.FAILED : RunEndReason.PASSED;
  }

  /**
   * Reports a file of an earlier run (a blob) as if it ran now: the same events in the same order, with its own
   * start time, duration and worker. The run must have been {@linkplain #start started} with its specification.
   */
  public synchronized void replay(RunSnapshot.FileSnapshot file) {
    Replay.file(file, modules, tasks, order, this::log);
  }

  /** Tells the reporters what a collect-only run found. */
  public synchronized void collectedAll() {
    List<TestModule> all = List.copyOf(modules.values());
    reporters.each(r -> r.onTestsCollected(all));
  }

  public synchronized List<TestModule> modules() {
    return List.copyOf(modules.values());
  }

  public synchronized List<TestError> unhandledErrors() {
    return List.copyOf(unhandledErrors);
  }

  private ModuleState module(TestProject project, Task file) {
    return modules.computeIfAbsent(file.id(), id -> new ModuleState(id, file.name(), project.name(), project.pool()));
  }


}
