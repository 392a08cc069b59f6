package dev.lanes.core.internal.scheduler;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Ids;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.support.WorkerListeners;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An in-memory worker that speaks the real protocol: each file it runs has one passing test, unless
 * its fault says otherwise. Records every run request it received. One that isolates each file (as a vm
 * pool's) reports {@code memoryPerFile} more memory after every file it ran.
 */
final class ScriptedWorker implements PoolWorker {
  enum Fault { NONE, CANNOT_START, STARTED_WITH_ERROR, EXITS_DURING_RUN, FAILS_A_TEST }

  final WorkerOptions options;
  final Fault fault;
  private final boolean eachFileApart;
  private final long memoryPerFile;
  final List<List<String>> runRequests = new CopyOnWriteArrayList<>();
  private final WorkerListeners listeners = new WorkerListeners();
  private final ExecutorService thread = Executors.newSingleThreadExecutor();
  volatile boolean stopped;

  ScriptedWorker(WorkerOptions options, Fault fault) {
    this(options, fault, false, 0);
  }

  ScriptedWorker(WorkerOptions options, Fault fault, boolean eachFileApart, long memoryPerFile) {
    this.options = options;
    this.fault = fault;
    this.eachFileApart = eachFileApart;
    this.memoryPerFile = memoryPerFile;
  }

  @Override
  public String name() {
    return options.pool();
  }

  @Override
  public CompletionStage<Void> start() {
    if (fault == Fault.CANNOT_START) {
      return CompletableFuture.failedFuture(new IllegalStateException("Error: Could not create the Java Virtual Machine."));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> stop() {
    stopped = true;
    thread.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void send(Message message) {
    thread.execute(() -> handle(message));
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
    return !options.isolate() || eachFileApart;
  }

  private void handle(Message message) {
    if (message instanceof WorkerRequest.Start) {
      emit(fault == Fault.STARTED_WITH_ERROR
          ? new WorkerResponse.Started(Optional.of(TestError.of("NoClassDefFoundError", "org/junit/platform/launcher/Launcher")))
          : WorkerResponse.Started.ok());
    } else if (message instanceof WorkerRequest.Run run) {
      runRequests.add(run.files().stream().map(FileSpec::moduleId).toList());
      for (FileSpec file : run.files()) {
        if (fault == Fault.EXITS_DURING_RUN) {
          listeners.exit(WorkerExit.code(137, "exit code 137 (killed)"));
          return;
        }
        report(file);
      }
      long files = runRequests.stream().mapToLong(List::size).sum();
      emit(new WorkerResponse.TestFileFinished(Optional.empty(),
          eachFileApart ? Optional.of(files * memoryPerFile) : Optional.empty()));
    } else if (message instanceof WorkerRequest.Stop) {
      emit(new WorkerResponse.Stopped(Optional.empty()));
    }
  }

  private void report(FileSpec file) {
    String testId = Ids.childId(file.fileId(), 0);
    Task test = new Task(testId, "works()", TaskType.TEST, TaskMode.RUN, Optional.empty(), Optional.empty(), List.of());
    Task root = new Task(file.fileId(), file.moduleId(), TaskType.FILE, TaskMode.RUN, Optional.empty(), Optional.empty(),
        List.of(test));
    emit(new RpcCall(0, "onQueued", List.of(root)));
    emit(new RpcCall(0, "onCollected", List.of(List.of(root))));
    emit(new RpcCall(0, "onTaskUpdate", List.of(
        List.of(new TaskResultPack(testId, fault == Fault.FAILS_A_TEST
                ? TaskResult.failed(1, List.of(TestError.of("org.opentest4j.AssertionFailedError", "expected: <1>")))
                : TaskResult.passed(1)), new TaskResultPack(file.fileId(), TaskResult.passed(1))),
        List.of(new TaskEventPack(file.fileId(), TaskEvent.SUITE_PREPARE), new TaskEventPack(testId, TaskEvent.TEST_PREPARE),
            new TaskEventPack(testId, TaskEvent.TEST_FINISHED), new TaskEventPack(file.fileId(), TaskEvent.SUITE_FINISHED)))));
  }

  private void emit(Message message) {
    listeners.message(message);
  }
}
