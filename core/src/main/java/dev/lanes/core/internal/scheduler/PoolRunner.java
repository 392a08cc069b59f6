package dev.lanes.core.internal.scheduler;

import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.Rpc;
import dev.lanes.spi.protocol.RunnerRpc;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.protocol.WorkerSettings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One worker's life, as Vitest's {@code PoolRunner}: IDLE → STARTING → STARTED → STOPPING →
 * STOPPED (or START_FAILURE), with start and stop time-outs. A worker that exits or fails while
 * starting or running rejects what was pending at once with the reason, and is never reused.
 */
final class PoolRunner implements PoolWorker.Listener {
  /** How long a worker may take to start: 60 s as in Vitest, or {@code -Ddev.lanes.workerStartTimeout=<millis>}. */
  static final Duration START_TIMEOUT = Duration.ofMillis(Long.getLong("dev.lanes.workerStartTimeout", 60_000));

  enum State { IDLE, STARTING, STARTED, STOPPING, STOPPED, START_FAILURE }

  private final PoolWorker worker;
  private final TestProject project;
  private final boolean collect;
  private final int poolId;
  private final PoolLogger logger;
  private final Rpc<RunnerRpc> rpc;
  private volatile State state = State.IDLE;
  private volatile List<String> files = List.of();
  private CompletableFuture<WorkerResponse.Started> started = new CompletableFuture<>();
  private CompletableFuture<WorkerResponse.TestFileFinished> finished = CompletableFuture.completedFuture(null);
  private final CompletableFuture<WorkerResponse.Stopped> stopped = new CompletableFuture<>();
  private CompletableFuture<Void> stopping;
  private volatile long lastHeard = System.nanoTime();

  PoolRunner(PoolWorker worker, TestProject project, boolean collect, int poolId, RuntimeRpc methods, PoolLogger logger) {
    this.worker = worker;
    this.project = project;
    this.collect = collect;
    this.poolId = poolId;
    this.logger = logger;
    this.rpc = Rpc.create(methods, RunnerRpc.class, (Message message) -> {
      if (state != State.STOPPED) {
        worker.send(message);
      }
    });
    rpc.onLocalError(error -> logger.error("[" + worker.name() + "] a report from worker " + poolId
        + " could not be handled: " + error, error));
  }

  int poolId() {
    return poolId;
  }

  TestProject project() {
    return project;
  }

  boolean collect() {
    return collect;
  }

  State state() {
    return state;
  }

  boolean isTerminated() {
    return state == State.STOPPED || state == State.STOPPING || state == State.START_FAILURE;
  }

  boolean canReuse(TestSpecification next) {
    return worker.canReuse(next);
  }

  /** Starts the worker and waits for its {@code started}; fails fast if it dies first. */
  void start(int workerId, WorkerSettings settings) throws PoolException {
    if (state == State.STARTED) {
      return;
    }
    if (state != State.IDLE) {
      throw new PoolException("Cannot start a " + state.name().toLowerCase() + " runner");
    }
    state = State.STARTING;
    worker.on(this);
    try {
      Waits.get(worker.start().toCompletableFuture(), START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      worker.send(new WorkerRequest.Start(poolId, workerId, worker.name(), project.name(), project.isolate(), settings));
      WorkerResponse.Started reply = Waits.get(started, START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      if (reply.error().isPresent()) {
        throw new PoolException(reply.error().get().headline());
      }
      state = State.STARTED;
    } catch (TimeoutException e) {
      state = State.START_FAILURE;
      throw new PoolException("Timeout starting " + worker.name() + " worker after " + START_TIMEOUT.toSeconds() + "s");
    } catch (ExecutionException e) {
      state = State.START_FAILURE;
      throw new PoolException(e.getCause().getMessage(), e.getCause());
    } catch (PoolException e) {
      state = State.START_FAILURE;
      throw e;
    }
  }

  /** Sends a run or collect request; the future completes with {@code testfileFinished} or fails with the crash. */
  synchronized CompletableFuture<WorkerResponse.TestFileFinished> request(List<FileSpec> specs) {
    files = specs.stream().map(FileSpec::moduleId).toList();
    lastHeard = System.nanoTime();
    finished = new CompletableFuture<>();
    CompletableFuture<WorkerResponse.TestFileFinished> current = finished;
    worker.send(collect ? new WorkerRequest.Collect(specs) : new WorkerRequest.Run(specs));
    return current;
  }

  /** Tells a busy worker to stop after its current file; a worker that is not running a request is left alone. */
  synchronized void cancel(String reason) {
    if (state == State.STARTED && finished != null && !finished.isDone()) {
      worker.send(new WorkerRequest.Cancel(reason));
    }
  }

  /** Stops the worker: gracefully ({@code stop} → {@code stopped}, at most {@code timeout}) unless forced, then by force. */
  synchronized CompletableFuture<Void> stop(boolean force, Duration timeout) {
    if (stopping != null) {
      return stopping;
    }
    State before = state;
    state = State.STOPPING;
    stopping = CompletableFuture.runAsync(() -> {
      try {
        if (!force && (before == State.STARTED)) {
          worker.send(new WorkerRequest.Stop());
          Waits.get(stopped, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (TimeoutException e) {
        logger.warn("[" + worker.name() + "] Timeout terminating worker " + poolId + " for test files "
            + String.join(", ", files) + " after " + timeout.toMillis() + "ms; stopping it by force.");
      } catch (ExecutionException e) {
        // the worker died while stopping: it is stopped
      } finally {
        worker.off(this);
        rpc.close("the worker stopped");
        try {
          Waits.get(worker.stop().toCompletableFuture(), timeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          logger.error("[" + worker.name() + "] Failed to terminate worker " + poolId + ": " + e, e);
        }
        state = State.STOPPED;
      }
    });
    return stopping;
  }

  /** How long the worker has sent nothing. */
  Duration silence() {
    return Duration.ofNanos(System.nanoTime() - lastHeard);
  }

  /**
   * The worker's thread dump, asked for over RPC (answered off the worker's test thread), or why there is
   * none: a worker that does not even answer that within {@code timeout}.
   */
  String threadDump(Duration timeout) {
    try {
      return rpc.remote().threadDump().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      return "(none: the worker did not answer a request for its thread dump within " + timeout.toMillis() + "ms)";
    } catch (ExecutionException e) {
      return "(none: " + e.getCause().getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(none: interrupted)";
    }
  }

  @Override
  public void onMessage(Message message) {
    lastHeard = System.nanoTime();
    if (rpc.accept(message)) {
      return;
    }
    if (message instanceof WorkerResponse.Started reply) {
      started.complete(reply);
    } else if (message instanceof WorkerResponse.TestFileFinished reply) {
      finished.complete(reply);
    } else if (message instanceof WorkerResponse.Stopped reply) {
      stopped.complete(reply);
    } else {
      fail(new PoolException("the worker sent a request, " + message.getClass().getSimpleName()
          + ", which only the host may send. This is a bug in the pool."));
    }
  }

  @Override
  public void onError(Throwable error) {
    fail(new PoolException("Worker " + worker.name() + " emitted error: " + error, error));
  }

  @Override
  public void onExit(WorkerExit exit) {
    if (state == State.STOPPING || state == State.STOPPED) {
      stopped.complete(new WorkerResponse.Stopped(java.util.Optional.empty()));
      return;
    }
    String description = exit.description();
    int newline = description.indexOf('\n');
    String details = newline < 0 ? "" : description.substring(newline); // e.g. the worker's last output
    fail(new PoolException("Worker exited unexpectedly with " + (newline < 0 ? description : description.substring(0, newline))
        + " during " + state.name().toLowerCase() + " state" + (files.isEmpty() ? "" : " while running test file(s) "
        + String.join(", ", files)) + details, null, FileOutcome.crashed(exit.exitCode(), details.strip())));
  }

  private void fail(PoolException error) {
    State before = state;
    if (before != State.STOPPING) {
      state = State.STOPPED;
    }
    rpc.close(error.getMessage());
    started.completeExceptionally(error);
    finished.completeExceptionally(error);
    stopped.completeExceptionally(error);
  }
}
