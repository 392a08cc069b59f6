package dev.lanes.pool.threads;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.spi.Coverage;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.support.ProcessPools;

/**
 * The {@code threads} pool as a Guice module: core's scheduler over {@link ThreadsPoolWorker}s.
 * {@link WorkerClassLoaders} decides how a worker's class loader is made; override that binding to
 * change it.
 */
public class ThreadsPoolModule extends PoolModule {
  @Override
  protected void configure() {
    options(ThreadsOptions.class);
    bind(WorkerClassLoaders.class).to(WorkerClassLoaders.Isolated.class);
  }

  @Provides
  @Singleton
  ProcessPool pool(PoolContext context, ThreadsOptions options, WorkerClassLoaders loaders) {
    InProcessEnvironment.warnOfWhatNoTestSees(context);
    InProcessCoverage.warnTo(message -> context.logger().warn("[" + context.poolName() + "] " + message));
    WorkerFactory workers = worker -> new ThreadsPoolWorker(worker, options, loaders);
    ProcessPool pool = context.workerPool(loaders.isolatesEachFile() ? WorkerFactory.isolatingEachFile(workers) : workers);
    return ProcessPools.closingAlso(pool, () -> { // the loaders kept across workers, and what coverage collected
      loaders.close();
      writeCoverage(context);
    });
  }

  /** The coverage the pool's classes collected, appended to the run's data file once its workers are done. */
  private static void writeCoverage(PoolContext context) {
    context.projects().stream().flatMap(project -> project.coverage().stream()).map(Coverage::dataFile).distinct()
        .forEach(file -> {
          try {
            InProcessCoverage.write(file);
          } catch (java.io.IOException e) {
            context.logger().warn("[" + context.poolName() + "] the coverage data cannot be written to " + file + ": "
                + e.getMessage());
          }
        });
  }
}
