package dev.lanes.testkit;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.Rpc;
import dev.lanes.spi.protocol.RunnerRpc;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.protocol.WorkerSettings;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The host's side of the worker protocol, by hand, for tests of a {@link PoolWorker} without the core:
 * sends requests, answers RPC calls, and records what came back (responses, the RPC events by name,
 * and an exit).
 */
final class ProtocolSession implements PoolWorker.Listener {
  /** What a request ended with: a response, or the worker's exit. */
  record Outcome(Optional<Message> response, Optional<WorkerExit> exit) {
  }

  private final PoolWorker worker;
  private final Rpc<RunnerRpc> rpc;
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  private final List<String> events = new CopyOnWriteArrayList<>();

  ProtocolSession(PoolWorker worker) {
    this.worker = worker;
    this.rpc = Rpc.create(new Recorder(), RunnerRpc.class, worker::send);
    worker.on(this);
  }

  /** The RPC events received so far, by method name, in order ({@code onQueued}, {@code onCollected}, ...). */
  List<String> events() {
    return List.copyOf(events);
  }

  Outcome start(Duration timeout) throws InterruptedException {
    worker.send(new WorkerRequest.Start(1, 1, worker.name(), "", false, WorkerSettings.defaults()));
    return next(timeout);
  }

  void sendRun(String className) {
    String fileId = String.valueOf(className.hashCode());
    worker.send(new WorkerRequest.Run(List.of(new FileSpec(className, fileId, Optional.empty(), List.of()))));
  }

  Outcome run(String className, Duration timeout) throws InterruptedException {
    sendRun(className);
    return next(timeout);
  }

  Outcome stop(Duration timeout) throws InterruptedException {
    worker.send(new WorkerRequest.Stop());
    return next(timeout);
  }

  /** The next response or exit, or an empty outcome after {@code timeout}. */
  Outcome next(Duration timeout) throws InterruptedException {
    Outcome outcome = outcomes.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return outcome == null ? new Outcome(Optional.empty(), Optional.empty()) : outcome;
  }

  /** Waits until an RPC event named {@code method} arrived. */
  boolean awaitEvent(String method, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (events.contains(method)) {
        return true;
      }
      Thread.sleep(20);
    }
    return events.contains(method);
  }

  void close() {
    worker.off(this);
    rpc.close("the session ended");
  }

  @Override
  public void onMessage(Message message) {
    if (!rpc.accept(message)) {
      outcomes.add(new Outcome(Optional.of(message), Optional.empty()));
    }
  }

  @Override
  public void onExit(WorkerExit exit) {
    outcomes.add(new Outcome(Optional.empty(), Optional.of(exit)));
  }

  static boolean isFinished(Outcome outcome) {
    return outcome.response().filter(WorkerResponse.TestFileFinished.class::isInstance).isPresent();
  }

  private final class Recorder implements RuntimeRpc {
    @Override
    public void onQueued(Task file) {
      events.add("onQueued");
    }

    @Override
    public void onCollected(List<Task> files) {
      events.add("onCollected");
    }

    @Override
    public void onTaskRegistered(String parentId, Task task) {
      events.add("onTaskRegistered");
    }

    @Override
    public void onTaskUpdate(List<TaskResultPack> packs, List<TaskEventPack> updates) {
      events.add("onTaskUpdate");
    }

    @Override
    public void onUserConsoleLog(UserConsoleLog log) {
      events.add("onUserConsoleLog");
    }

    @Override
    public void onUnhandledError(TestError error, String type) {
      events.add("onUnhandledError");
    }

    @Override
    public void onCancel(String reason) {
      events.add("onCancel");
    }

    @Override
    public CompletionStage<Integer> getCountOfFailedTests() {
      return CompletableFuture.completedFuture(0);
    }
  }
}
