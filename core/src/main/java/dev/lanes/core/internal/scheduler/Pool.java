package dev.lanes.core.internal.scheduler;

import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.protocol.WorkerSettings;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Vitest v4's scheduler: a queue of tasks, up to {@code maxWorkers} active runners holding slot ids
 * 1..maxWorkers, a runner reused only between back-to-back non-isolated tasks of the same project
 * (and only if its worker agrees), and stops that are not awaited until the pool closes. Workers that
 * isolate each file themselves (the vm pools) are reused whatever {@code isolate} says, and retired once
 * the memory they report after a file passes the project's {@code vmMemoryLimit}.
 */
final class Pool {
  private static final String STOPPED = "the run stopped handing out files";
  private final String name;
  private final WorkerFactory factory;
  private final TestRun run;
  private final PoolLogger logger;
  private final ExecutorService executor;
  private final Deque<Queued> queue = new ArrayDeque<>();
  private final List<PoolRunner> sharedRunners = new ArrayList<>();
  private final List<CompletableFuture<Void>> exits = new ArrayList<>();
  private final TreeSet<Integer> freeIds = new TreeSet<>();
  private final AtomicInteger workerIds = new AtomicInteger();
  private final boolean isolatesEachFile;
  private int recycled;
  private long highestReport;
  private int maxWorkers = 1;
  private int active;
  private boolean cancelling;
  private String cancelled;
  private final Set<PoolRunner> busy = ConcurrentHashMap.newKeySet();

  Pool(String name, WorkerFactory factory, TestRun run, PoolLogger logger) {
    this.name = name;
    this.factory = factory;
    this.run = run;
    this.logger = logger;
    this.isolatesEachFile = factory.isolatesEachFile();
    AtomicInteger threads = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "lanes-" + name + "-scheduler-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    setMaxWorkers(1);
  }

  /** A batch of files of one project that one worker runs in one request. */
  record PoolTask(TestProject project, List<TestSpecification> files, boolean isolate, boolean collect) {
  }

  private record Queued(PoolTask task, CompletableFuture<Void> result) {
  }

  synchronized void setMaxWorkers(int workers) {
    maxWorkers = workers;
    freeIds.clear();
    for (int id = 1; id <= workers; id++) {
      freeIds.add(id);
    }
    sharedRunners.forEach(r -> freeIds.remove(r.poolId()));
  }

  /**
   * Queues tasks all at once (as Vitest does within one tick), so a worker that finishes early sees the
   * next task and can be reused. Each future completes when its files were reported, or fails with why
   * the machinery failed.
   */
  synchronized List<CompletableFuture<Void>> run(List<PoolTask> tasks) {
    List<CompletableFuture<Void>> results = new ArrayList<>();
    for (PoolTask task : tasks) {
      CompletableFuture<Void> result = new CompletableFuture<>();
      if (cancelled != null) {
        result.completeExceptionally(cancelledBy(cancelled));
      } else if (cancelling) {
        result.completeExceptionally(new PoolException("[" + name + "] Cannot run tasks while pool is cancelling"));
      } else {
        queue.add(new Queued(task, result));
      }
      results.add(result);
    }
    schedule();
    return results;
  }

  private synchronized void schedule() {
    while (!queue.isEmpty() && active < maxWorkers) {
      Queued next = queue.poll();
      active++;
      executor.execute(() -> execute(next));
    }
  }

  /**
   * Runs one task on a runner. The task's future completes only after the runner was released —
   * kept for reuse or its stop registered — so {@link #close()} after the last task waits for every stop.
   */
  private void execute(Queued queued) {
    PoolTask task = queued.task();
    PoolRunner runner = null;
    Throwable failure = null;
    boolean filesFailed = false;
    boolean overLimit = false;
    try {
      runner = runnerFor(task);
      runner.start(workerIds.incrementAndGet(), settings(task.project()));
      List<FileSpec> specs = task.files().stream().map(TestSpecification::toFileSpec).toList();
      busy.add(runner);
      WorkerResponse.TestFileFinished done = await(runner, runner.request(specs), task.project());
      if (done.error().isPresent()) {
        filesFailed = true;
        run.failFiles(task.files(), done.error().get(), FileOutcome.failed());
      } else if (run.cancelled()) { // a batch the worker left after a cancel: its files not started are skipped
        run.failFiles(task.files(), TestError.of("Cancelled", STOPPED), FileOutcome.cancelled(STOPPED));
      }
      overLimit = isolatesEachFile && overMemoryLimit(done, task.project());
      if (done.retire().isPresent()) {
        overLimit = true; // the same way out as a worker past its memory limit: stopped, a fresh one next
        logger.warn("[" + name + "] worker " + runner.poolId() + " was retired after "
            + String.join(", ", task.files().stream().map(TestSpecification::moduleId).toList()) + ": "
            + done.retire().get());
      }
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (PoolException | RuntimeException e) {
      failure = e;
    } finally {
      if (runner != null) {
        busy.remove(runner);
      }
      release(task, runner, filesFailed || failure != null, overLimit);
      if (failure == null) {
        queued.result().complete(null);
      } else {
        queued.result().completeExceptionally(failure);
      }
    }
  }

  /**
   * Waits for the worker's answer. A worker silent for longer than {@code testTimeout + teardownTimeout}
   * is stuck (a test that ignores the interrupt of its time-out, a deadlock outside any test): its
   * thread dump is taken and the task fails, which stops the worker by force.
   */
  private WorkerResponse.TestFileFinished await(PoolRunner runner,
                                                CompletableFuture<WorkerResponse.TestFileFinished> answer,
                                                TestProject project)
      throws ExecutionException, PoolException {
    Duration testTimeout = project.testTimeout();
    Duration limit = testTimeout.plus(project.teardownTimeout());
    while (true) {
      try {
        return Waits.get(answer, Math.min(1_000, Math.max(limit.toMillis(), 100)), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        Duration silence = runner.silence();
        if (!testTimeout.isZero() && silence.compareTo(limit) > 0) {
          String dump = runner.threadDump(Duration.ofSeconds(3));
          throw new PoolException("[" + name + "] Test file did not finish: worker " + runner.poolId() + " sent nothing for "
              + silence.toMillis() / 1000.0 + "s, longer than testTimeout (" + testTimeout.toMillis()
              + "ms) + teardownTimeout (" + project.teardownTimeout().toMillis() + "ms); it was stopped by force."
              + "\nThread dump of the worker before it was stopped:\n" + dump, null, FileOutcome.timedOut(dump));
        }
      }
    }
  }

  /** What a worker is told when it starts: its project's settings; the memory limit only to one that isolates each file. */
  private WorkerSettings settings(TestProject project) {
    return isolatesEachFile ? project.settings() : project.settings().toBuilder().vmMemoryLimit(Long.MAX_VALUE).build();
  }

  /** Vitest's rule: finish the file, check the memory the worker reports, and retire it if past the limit. */
  private synchronized boolean overMemoryLimit(WorkerResponse.TestFileFinished done, TestProject project) {
    long used = done.usedMemory().orElse(0L);
    if (used <= project.vmMemoryLimit()) {
      return false;
    }
    recycled++;
    highestReport = Math.max(highestReport, used);
    return true;
  }

  /** Whether a task's runner may be kept for another task: it does not isolate its files, or its worker does. */
  private boolean reusable(PoolTask task) {
    return !task.isolate() || isolatesEachFile;
  }

  /**
   * The one rule of reuse (Vitest's {@code isEqualRunner}): a live runner may take {@code task} when the task may
   * share a runner, is of the runner's project and kind (run or collect), and the worker agrees.
   */
  private boolean mayTake(PoolRunner runner, PoolTask task) {
    return reusable(task) && !runner.isTerminated() && runner.project().equals(task.project())
        && runner.collect() == task.collect() && runner.canReuse(task.files().get(0));
  }

  private synchronized PoolRunner runnerFor(PoolTask task) throws PoolException {
    for (Iterator<PoolRunner> shared = sharedRunners.iterator(); shared.hasNext(); ) {
      PoolRunner runner = shared.next();
      if (mayTake(runner, task)) {
        shared.remove();
        return runner;
      }
    }
    if (freeIds.isEmpty() && !sharedRunners.isEmpty()) {
      PoolRunner idle = sharedRunners.remove(0);
      stopping(idle.stop(false, idle.project().teardownTimeout()));
      freeIds.add(idle.poolId());
    }
    if (freeIds.isEmpty()) {
      throw new PoolException("[" + name + "] Cannot set concurrency id because there are no valid free ids."
          + " This is a bug in Lanes.");
    }
    int poolId = freeIds.pollFirst();
    PoolWorker worker;
    try {
      worker = factory.create(new WorkerOptions(name, task.project(), task.isolate(), poolId));
    } catch (RuntimeException e) {
      freeIds.add(poolId);
      throw new PoolException("[" + name + "] could not create a worker: " + e, e);
    }
    return new PoolRunner(worker, task.project(), task.collect(), poolId,
        run.methods(task.project(), task.collect(), poolId), logger);
  }

  private void release(PoolTask task, PoolRunner runner, boolean failed, boolean overLimit) {
    synchronized (this) {
      active--;
      if (runner != null) {
        Queued next = queue.peek();
        boolean healthy = reusable(task) && !failed && !overLimit && !runner.isTerminated();
        boolean reuse = healthy && next != null && mayTake(runner, next.task());
        // watch: a worker that gives each file a fresh class loader sees recompiled classes, so it waits for the
        // next rerun instead of stopping, and the rerun starts no JVM and loads no JUnit
        boolean keep = healthy && next == null && isolatesEachFile && run.watching() && !task.collect();
        if (reuse || keep) {
          sharedRunners.add(runner);
        } else {
          stopping(runner.stop(failed, runner.project().teardownTimeout()));
          freeIds.add(runner.poolId());
        }
      }
    }
    schedule();
  }

  /** Keeps a stop to await on close; stops already done are dropped, so a long watch session keeps none. */
  private synchronized void stopping(CompletableFuture<Void> exit) {
    exits.removeIf(CompletableFuture::isDone);
    exits.add(exit);
  }

  private static String mebibytes(long bytes) {
    return bytes / 1_048_576 + " MiB";
  }

  /**
   * The run stopped handing out files (bail): queued tasks fail as cancelled, and busy workers are told to stop
   * after their current file. Their files not started are then skipped by the run.
   */
  void cancel(String reason) {
    List<PoolRunner> working;
    synchronized (this) {
      cancelled = reason;
      for (Queued queued : queue) {
        queued.result().completeExceptionally(cancelledBy(reason));
      }
      queue.clear();
      working = List.copyOf(busy);
    }
    working.forEach(runner -> runner.cancel(reason));
  }

  private PoolException cancelledBy(String reason) {
    return new PoolException("[" + name + "] " + reason, null, FileOutcome.cancelled(reason));
  }

  /** A new run (a watch rerun) after a run that bailed out: tasks are accepted again. */
  synchronized void resume() {
    cancelled = null;
  }

  /** Stops every runner and waits for all stops started so far. */
  CompletableFuture<Void> close() {
    List<CompletableFuture<Void>> pending;
    synchronized (this) {
      cancelling = true;
      for (Queued queued : queue) {
        queued.result().completeExceptionally(new PoolException("Cancelled", null, FileOutcome.cancelled(
            "the pool closed")));
      }
      queue.clear();
      for (PoolRunner runner : sharedRunners) {
        exits.add(runner.stop(false, runner.project().teardownTimeout()));
      }
      sharedRunners.clear();
      pending = new ArrayList<>(exits);
      if (recycled > 0) {
        logger.info("[" + name + "] " + recycled + (recycled == 1 ? " worker was" : " workers were")
            + " recycled: the heap and Metaspace in use after a file passed vmMemoryLimit (highest report "
            + mebibytes(highestReport) + ")");
        recycled = 0;
        highestReport = 0;
      }
    }
    return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
        .whenComplete((ignored, error) -> executor.shutdown());
  }
}
