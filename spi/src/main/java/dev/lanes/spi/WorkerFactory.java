package dev.lanes.spi;

/** Creates the workers of a pool; {@link PoolContext#workerPool} turns it into a complete {@link ProcessPool}. */
@FunctionalInterface
public interface WorkerFactory {
  PoolWorker create(WorkerOptions options);
}
