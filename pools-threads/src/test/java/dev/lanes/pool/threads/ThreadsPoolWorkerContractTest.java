package dev.lanes.pool.threads;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.testkit.PoolWorkerContract;

class ThreadsPoolWorkerContractTest extends PoolWorkerContract {
  @Override
  protected PoolWorker createWorker(WorkerOptions options) {
    return new ThreadsPoolWorker(options, new ThreadsOptions(0), new WorkerClassLoaders.Isolated());
  }

  @Override
  protected String poolName() {
    return "threads";
  }
}
