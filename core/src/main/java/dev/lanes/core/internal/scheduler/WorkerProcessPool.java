package dev.lanes.core.internal.scheduler;

import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link ProcessPool} that {@code PoolContext.workerPool(factory)} returns: groups files into
 * tasks (Vitest's batching rule: a single non-isolated worker gets all of a project's files in one
 * request, unless it isolates each file itself; otherwise one file per task), runs groups of equal {@code maxWorkers} one after the
 * other, and turns every machinery failure into a failed file with its reason.
 */
public final class WorkerProcessPool implements ProcessPool {
  private final String name;
  private final Pool pool;
  private final TestRun run;
  private final boolean isolatesEachFile;

  public WorkerProcessPool(String name, WorkerFactory factory, TestRun run, PoolLogger logger) {
    this.name = name;
    this.pool = new Pool(name, factory, run, logger);
    this.run = run;
    this.isolatesEachFile = factory.isolatesEachFile();
    run.onCancel(pool::cancel);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
    return execute(specs, false);
  }

  @Override
  public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
    return execute(specs, true);
  }

  @Override
  public CompletionStage<Void> close() {
    return pool.close();
  }

  private CompletionStage<Void> execute(List<TestSpecification> specs, boolean collect) {
    if (!run.cancelled()) {
      pool.resume(); // a watch rerun after a run that bailed out
    }
    Map<Integer, List<Pool.PoolTask>> groups = new TreeMap<>();
    Map<TestProject, Pool.PoolTask> batches = new LinkedHashMap<>();
    for (TestSpecification spec : specs) {
      TestProject project = spec.project();
      List<Pool.PoolTask> group = groups.computeIfAbsent(project.maxWorkers(), n -> new ArrayList<>());
      if (!project.isolate() && project.maxWorkers() == 1 && !isolatesEachFile) { // vm pools: a file per request
        Pool.PoolTask batch = batches.get(project);
        if (batch == null) {
          batch = new Pool.PoolTask(project, new ArrayList<>(), false, collect);
          batches.put(project, batch);
          group.add(batch);
        }
        batch.files().add(spec);
      } else {
        group.add(new Pool.PoolTask(project, List.of(spec), project.isolate(), collect));
      }
    }
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (Map.Entry<Integer, List<Pool.PoolTask>> group : groups.entrySet()) {
      chain = chain.thenCompose(ignored -> runGroup(group.getKey(), group.getValue()));
    }
    return chain;
  }

  private CompletableFuture<Void> runGroup(int maxWorkers, List<Pool.PoolTask> tasks) {
    pool.setMaxWorkers(maxWorkers);
    List<CompletableFuture<Void>> submitted = pool.run(tasks);
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < tasks.size(); i++) {
      Pool.PoolTask task = tasks.get(i);
      all.add(submitted.get(i).handle((ok, error) -> {
        if (error != null) {
          run.failFiles(task.files(), toError(error), outcomeOf(error));
        }
        return null;
      }));
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
  }

  private static FileOutcome outcomeOf(Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    return cause instanceof PoolException failure ? failure.outcome() : FileOutcome.aborted(String.valueOf(cause));
  }

  private TestError toError(Throwable error) {
    Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
        ? error.getCause() : error;
    String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    String prefix = message.startsWith("[") ? "" : "[" + name + "] ";
    TestError testError = TestError.of(cause instanceof PoolException ? "WorkerError" : cause.getClass().getName(),
        prefix + message);
    boolean causeSaysMore = cause.getCause() != null && !message.equals(cause.getCause().getMessage());
    return causeSaysMore ? testError.withCause(TestErrors.of(cause.getCause())) : testError;
  }
}
