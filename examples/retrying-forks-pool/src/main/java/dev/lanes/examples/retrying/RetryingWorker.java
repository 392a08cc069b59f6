package dev.lanes.examples.retrying;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.support.WorkerListeners;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A worker that holds back a file's reports until the file ends. If the file failed (or its JVM died),
 * the reports are dropped and the file runs again in a fresh forked JVM, up to {@code retries} times;
 * the core sees only the last attempt, with a note of the earlier ones in the file's output.
 */
final class RetryingWorker implements PoolWorker {
  /**
   * An update with nothing in it, passed on at most once a second while reports are held back: Lanes gives up on
   * a worker that sends nothing for longer than {@code testTimeout + teardownTimeout}, and this one is busy, not stuck.
   */
  private static final Message BEAT = new RpcCall(0, "onTaskUpdate", List.of(List.of(), List.of()));
  private static final long BEAT_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final WorkerOptions options;
  private final WorkerFactory forks;
  private final int retries;
  private final WorkerListeners listeners = new WorkerListeners();
  private final Listener inner = new Inner();
  private final List<Message> held = new ArrayList<>();
  private PoolWorker current;
  private WorkerRequest.Start start;
  private WorkerRequest.Run run;
  private int attempt;
  private boolean replaying;
  private long lastBeat;

  RetryingWorker(WorkerOptions options, WorkerFactory forks, int retries) {
    this.options = options;
    this.forks = forks;
    this.retries = retries;
  }

  @Override
  public String name() {
    return options.pool();
  }

  @Override
  public synchronized CompletionStage<Void> start() {
    current = forks.create(options);
    current.on(inner);
    return current.start();
  }

  @Override
  public synchronized CompletionStage<Void> stop() {
    return current == null ? CompletableFuture.completedFuture(null) : current.stop();
  }

  @Override
  public synchronized void send(Message message) {
    if (message instanceof WorkerRequest.Start request) {
      start = request;
    } else if (message instanceof WorkerRequest.Run request) {
      run = request;
      attempt = 0;
      held.clear();
    }
    current.send(message);
  }

  @Override
  public void on(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void off(Listener listener) {
    listeners.remove(listener);
  }

  @Override
  public boolean canReuse(TestSpecification next) {
    PoolWorker worker = current;
    return worker != null && worker.canReuse(next);
  }

  private final class Inner implements Listener {
    @Override
    public void onMessage(Message message) {
      List<Message> release = new ArrayList<>();
      synchronized (RetryingWorker.this) {
        if (replaying && message instanceof WorkerResponse.Started) {
          replaying = false;
          current.send(run); // the fresh JVM is ready: the same file again
          return;
        }
        boolean event = message instanceof RpcCall call && call.id() == 0;
        if (run == null || !(event || message instanceof WorkerResponse.TestFileFinished)) {
          release.add(message); // not a file's report (a start, a stop, a call that wants its answer now)
        } else if (event) {
          held.add(message);
          if (System.nanoTime() - lastBeat < BEAT_NANOS) {
            return;
          }
          lastBeat = System.nanoTime();
          release.add(BEAT);
        } else if (failed((WorkerResponse.TestFileFinished) message) && attempt < retries) {
          retry("failed");
          return;
        } else {
          release.addAll(held);
          release.add(message);
          held.clear();
          run = null;
        }
      }
      release.forEach(listeners::message);
    }

    @Override
    public void onError(Throwable error) {
      listeners.error(error);
    }

    @Override
    public void onExit(WorkerExit exit) {
      synchronized (RetryingWorker.this) {
        if (run != null && attempt < retries) {
          retry("its JVM exited with " + exit.description().lines().findFirst().orElse(""));
          return;
        }
        held.forEach(listeners::message); // the last attempt's reports, then how it ended
        held.clear();
      }
      listeners.exit(exit);
    }
  }

  private boolean failed(WorkerResponse.TestFileFinished finished) {
    String fileId = run.files().get(0).fileId();
    return finished.error().isPresent() || held.stream().filter(m -> m instanceof RpcCall call
            && call.method().equals("onTaskUpdate"))
        .flatMap(m -> ((List<?>) ((RpcCall) m).args().get(0)).stream())
        .map(TaskResultPack.class::cast)
        .anyMatch(pack -> pack.taskId().equals(fileId) && pack.result().state() == TaskState.FAIL);
  }

  /** Drops this attempt's reports and runs the file again in a fresh JVM. Called holding the lock. */
  private void retry(String why) {
    attempt++;
    held.clear();
    String fileId = run.files().get(0).fileId();
    held.add(new RpcCall(0, "onUserConsoleLog", List.of(new UserConsoleLog("[retrying-forks] attempt " + attempt
        + " of " + run.files().get(0).moduleId() + " " + why + "; running it again in a fresh JVM\n",
        UserConsoleLog.ConsoleStream.STDERR, Optional.of(fileId), System.currentTimeMillis()))));
    PoolWorker previous = current;
    previous.off(inner);
    previous.stop();
    current = forks.create(options);
    current.on(inner);
    replaying = true;
    try {
      current.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
      current.send(start);
    } catch (Exception e) {
      replaying = false;
      listeners.error(e);
    }
  }
}
