package dev.lanes.core.internal.registry;

import dev.lanes.core.internal.scheduler.WorkerProcessPool;
import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.protocol.RuntimeRpc;
import java.util.List;
import java.util.function.Consumer;

/**
 * What core gives one pool: its projects, the run's methods, the scheduler and the logger. Its name is the
 * provider's, also for a pool selected by a jar's path (messages say {@code [tap]}, not the path).
 */
final class CorePoolContext implements PoolContext {
  private final String selectedBy;
  private final String poolName;
  private final List<TestProject> projects;
  private final TestRun run;
  private final PoolLogger logger;

  CorePoolContext(String selectedBy, String poolName, List<TestProject> projects, TestRun run, PoolLogger logger) {
    this.selectedBy = selectedBy;
    this.poolName = poolName;
    this.projects = List.copyOf(projects);
    this.run = run;
    this.logger = logger;
  }

  @Override
  public String poolName() {
    return poolName;
  }

  @Override
  public List<TestProject> projects() {
    return projects;
  }

  @Override
  public RuntimeRpc createMethodsRPC(TestProject project, boolean collect) {
    return run.methods(project, collect, 0);
  }

  @Override
  public ProcessPool workerPool(WorkerFactory factory) {
    run.scheduledBy(selectedBy);
    return new WorkerProcessPool(poolName, factory, run, logger);
  }

  @Override
  public void onCancel(Consumer<String> listener) {
    run.onCancel(listener);
  }

  @Override
  public PoolLogger logger() {
    return logger;
  }
}
