package dev.lanes.spi.report;

import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskType;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * How a whole pool reports one test file: declare its suites and tests (up front, or while it runs), start and end
 * them through their handles, then {@link #finished()}. The report sends what {@link RuntimeRpc} expects, in the order
 * it expects — queued, collected, a suite's start before its tests', every test ended before its suite — and
 * derives the suites' and the file's results. Any thread may call it; calls on one file are applied one at a time.
 *
 * <pre>{@code
 * FileReport report = context.report(spec);
 * TestReport test = report.test("adds()");
 * test.started();
 * test.failed(new AssertionError("expected 3"));
 * report.finished();
 * }</pre>
 *
 * <p>A report made by {@code PoolContext.collect(spec)} only declares: {@link #finished()} sends the tree, and a
 * test's start or result is an {@link IllegalStateException}.
 */
public final class FileReport extends SuiteReport {
  final RuntimeRpc rpc;
  final TestSpecification spec;
  final boolean collecting;
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private boolean announced;
  private String skipReason;

  private FileReport(RuntimeRpc rpc, TestSpecification spec, boolean collecting) {
    super(null, null, spec.fileId(), spec.moduleId(), Optional.empty(), spec.moduleId());
    this.rpc = rpc;
    this.spec = spec;
    this.collecting = collecting;
    rpc.onQueued(new Task(id, name, TaskType.FILE, TaskMode.QUEUED, Optional.empty(),
        Optional.of(new Task.Location(spec.moduleId(), 0)), List.of()));
  }

  /** A report of {@code spec}'s run through {@code rpc} ({@code createMethodsRPC(project, false)}); queues the file. */
  public static FileReport running(RuntimeRpc rpc, TestSpecification spec) {
    return new FileReport(rpc, spec, false);
  }

  /** A report that only collects {@code spec}'s tests (for {@code lanes list}); queues the file. */
  public static FileReport collecting(RuntimeRpc rpc, TestSpecification spec) {
    return new FileReport(rpc, spec, true);
  }

  /** The file this report is for. */
  public TestSpecification spec() {
    return spec;
  }

  public boolean isCollecting() {
    return collecting;
  }

  /** Ends the file and every suite and test in it not yet ended (as {@link SuiteReport#finished()} says). */
  @Override
  public void finished() {
    synchronized (this) {
      if (collecting && !announced) {
        announce();
        stage = Stage.FINISHED;
      }
      super.finished();
    }
    ended.complete(null);
  }

  /** Ends the file skipped, with {@code reason}, and every test in it not yet ended ("not run"). */
  public void skipped(String reason) {
    synchronized (this) {
      checkOpen("skip");
      skipReason = reason;
    }
    finished();
  }

  /** Whether {@link #finished()} (or {@link #skipped}) was called. */
  public boolean isFinished() {
    synchronized (this) {
      return stage == Stage.FINISHED;
    }
  }

  /** Completes once {@link #finished()} was called. */
  public CompletionStage<Void> whenFinished() {
    return ended;
  }

  @Override
  TaskType type() {
    return TaskType.FILE;
  }

  @Override
  Optional<String> note() {
    return Optional.ofNullable(skipReason);
  }

  @Override
  void start() {
    if (!announced) {
      announce();
    }
    super.start();
  }

  <T extends ReportNode> T declared(SuiteReport parent, T child) {
    if (parent.stage == Stage.FINISHED) {
      throw new IllegalStateException("'" + parent.name + "' already ended: cannot declare '" + child.name + "' in it");
    }
    parent.children.add(child);
    if (announced) {
      rpc.onTaskRegistered(parent.id, child.task());
    }
    return child;
  }

  void send(String taskId, TaskResult result, TaskEvent event) {
    rpc.onTaskUpdate(List.of(new TaskResultPack(taskId, result)), List.of(new TaskEventPack(taskId, event)));
  }

  private void announce() {
    announced = true;
    rpc.onCollected(List.of(task()));
  }
}
