package dev.lanes.core.internal.state;

import dev.lanes.spi.TestProject;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** RPC methods bound to one project; what {@code createMethodsRPC} returns. */
record RunMethods(TestRun run, TestProject project, boolean collect, int poolId) implements RuntimeRpc {
  @Override
  public void onQueued(Task file) {
    run.queued(project, file, collect, poolId);
  }

  @Override
  public void onCollected(List<Task> files) {
    run.collected(project, files, collect);
  }

  @Override
  public void onTaskRegistered(String parentId, Task task) {
    run.registered(parentId, task);
  }

  @Override
  public void onTaskUpdate(List<TaskResultPack> packs, List<TaskEventPack> events) {
    run.updated(packs, events, collect);
  }

  @Override
  public void onUserConsoleLog(UserConsoleLog log) {
    run.log(log);
  }

  @Override
  public void onUnhandledError(TestError error, String type) {
    run.unhandled(TestError.of(type, error.headline()).withCause(error));
  }

  @Override
  public void onCancel(String reason) {
    run.interrupt();
  }

  @Override
  public CompletionStage<Integer> getCountOfFailedTests() {
    return CompletableFuture.completedFuture(run.failedTests());
  }
}
