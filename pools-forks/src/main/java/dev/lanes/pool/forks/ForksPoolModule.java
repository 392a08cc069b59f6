package dev.lanes.pool.forks;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.PoolOptions;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.support.ProcessPools;

/**
 * The {@code forks} pool as a Guice module: core's scheduler over {@link ForksPoolWorker}s, each a child
 * JVM. {@link JvmLauncher} decides the command that starts a worker, {@link ClassFolders} how it loads the
 * project's classes; override either binding (with {@code Modules.override}) to change it, keeping everything
 * else of the pool. The worker factory is
 * bound too ({@link ForksWorkers}), for a pool that wraps forked workers in its own {@code ProcessPool}.
 */
public class ForksPoolModule extends PoolModule {
  @Override
  protected void configure() {
    options(ForksOptions.class);
    bind(JvmLauncher.class).to(JvmLauncher.Direct.class);
    bind(ClassFolders.class).toInstance(ClassFolders.PER_WORKER);
  }

  @Provides
  @Singleton
  WorkerJvms jvms(PoolOptions pool, PoolLogger logger, ForksOptions options, JvmLauncher launcher,
                  ClassDataArchives archives, ClassFolders folders) {
    return new WorkerJvms(options, launcher, archives, folders,
        message -> logger.warn("[" + pool.poolName() + "] " + message));
  }

  /** Forked workers, for pools that wrap them; see {@link ForksWorkers}. */
  @Provides
  @Singleton
  @ForksWorkers
  WorkerFactory workers(WorkerJvms jvms, ClassFolders folders) {
    boolean perFile = folders == ClassFolders.PER_FILE;
    WorkerFactory workers = worker -> new ForksPoolWorker(worker, jvms, perFile);
    return perFile ? WorkerFactory.isolatingEachFile(workers) : workers;
  }

  @Provides
  @Singleton
  ProcessPool pool(PoolContext context, @ForksWorkers WorkerFactory workers, WorkerJvms jvms) {
    return ProcessPools.closingAlso(context.workerPool(workers), jvms::close); // and the spare JVM started ahead of need
  }
}
